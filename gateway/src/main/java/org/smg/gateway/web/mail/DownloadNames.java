package org.smg.gateway.web.mail;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The file name of a download as the sender gave it, made safe for every browser and file system, and the
 * {@code Content-Disposition} header that carries it (RFC 6266: {@code filename*} in UTF-8 per RFC 8187, and a plain
 * ASCII {@code filename} for old clients). No directory part, no control or bidirectional-override characters (a
 * name that shows as {@code invoice.pdf} but is {@code fdp.exe}), no characters Windows reserves, no leading dots.
 */
public final class DownloadNames {
    static final int MAX_LENGTH = 120;
    static final String FALLBACK = "attachment";

    private DownloadNames() {
    }

    /** The header value, always {@code attachment}, so the browser saves the file and never shows it in the page's origin. */
    public static String contentDisposition(String senderName) {
        String name = safe(senderName);
        return "attachment; filename=\"" + ascii(name) + "\"; filename*=UTF-8''" + percentEncoded(name);
    }

    /** The name without directories, controls, reserved characters, leading dots and trailing dots or spaces. */
    public static String safe(String senderName) {
        String name = senderName == null ? "" : senderName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder clean = new StringBuilder();
        name.codePoints().forEach(c -> clean.appendCodePoint(allowed(c) ? c : '_'));
        String result = clean.toString().strip().replaceAll("^[._ ]+", "").replaceAll("[. ]+$", "");
        if (result.codePointCount(0, result.length()) > MAX_LENGTH) {
            result = keepExtension(result);
        }
        return result.isEmpty() || result.chars().allMatch(c -> c == '_') ? FALLBACK : result;
    }

    private static boolean allowed(int c) {
        return !Character.isISOControl(c)
            && Character.getType(c) != Character.FORMAT // bidi overrides and isolates, zero-width characters
            && Character.getType(c) != Character.LINE_SEPARATOR && Character.getType(c) != Character.PARAGRAPH_SEPARATOR
            && Character.getType(c) != Character.UNASSIGNED && Character.getType(c) != Character.PRIVATE_USE
            && Character.getType(c) != Character.SURROGATE
            && "<>:\"/\\|?*;%".indexOf(c) < 0;
    }

    private static String keepExtension(String name) {
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
        int[] points = name.substring(0, name.length() - extension.length()).codePoints().limit(MAX_LENGTH - extension.length()).toArray();
        return new String(points, 0, points.length) + extension;
    }

    /** Printable ASCII only (others become '_'); the quoted string then needs no escapes, as '"' and '\' are gone. */
    static String ascii(String name) {
        StringBuilder ascii = new StringBuilder();
        name.codePoints().forEach(c -> ascii.append(c >= 0x20 && c < 0x7f ? (char) c : '_'));
        return ascii.toString();
    }

    /** RFC 8187 ext-value: attr-char as is, every other UTF-8 byte as %XX. */
    static String percentEncoded(String name) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "!#$&+-.^_`|~".indexOf(c) >= 0)) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(String.format(Locale.ROOT, "%02X", c));
            }
        }
        return encoded.toString();
    }
}
