package org.smg.gateway.attachments;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.stream.NameValuePair;

/**
 * Reads one parameter of a Content-Type or Content-Disposition header as a sender meant it: RFC 2231 extended and
 * continued values ({@code filename*=UTF-8''%E2%82%AC.pdf}, {@code filename*0*=...; filename*1=...}) take precedence
 * over the plain value, which may carry RFC 2047 encoded words as many mail clients write them.
 */
final class MimeParameters {
    private static final Pattern SECTION = Pattern.compile("\\*(\\d{1,3})(\\*?)");
    private static final int MAX_SECTIONS = 100;

    private MimeParameters() {
    }

    static Optional<String> value(List<NameValuePair> parameters, String name) {
        Optional<String> extended = extendedValue(parameters, name);
        if (extended.isPresent()) {
            return extended;
        }
        return parameters.stream()
            .filter(parameter -> parameter.getName().equalsIgnoreCase(name) && parameter.getValue() != null)
            .map(parameter -> DecoderUtil.decodeEncodedWords(parameter.getValue(), DecodeMonitor.SILENT))
            .findFirst();
    }

    /**
     * Every value the parameter is given (the RFC 2231 form and each plain copy): mail clients disagree on which one
     * they show, so a file must be called the same by all of them.
     */
    static List<String> allValues(List<NameValuePair> parameters, String name) {
        List<String> values = new java.util.ArrayList<>();
        extendedValue(parameters, name).ifPresent(values::add);
        parameters.stream()
            .filter(parameter -> parameter.getName().equalsIgnoreCase(name) && parameter.getValue() != null)
            .map(parameter -> DecoderUtil.decodeEncodedWords(parameter.getValue(), DecodeMonitor.SILENT))
            .forEach(values::add);
        return values;
    }

    private static Optional<String> extendedValue(List<NameValuePair> parameters, String name) {
        String prefix = name.toLowerCase(Locale.ROOT) + "*";
        TreeMap<Integer, NameValuePair> sections = new TreeMap<>();
        for (NameValuePair parameter : parameters) {
            String parameterName = parameter.getName().toLowerCase(Locale.ROOT);
            if (parameter.getValue() == null || !parameterName.startsWith(prefix)) {
                continue;
            }
            if (parameterName.equals(prefix)) {
                sections.putIfAbsent(-1, parameter);
                continue;
            }
            Matcher section = SECTION.matcher(parameterName.substring(name.length()));
            if (section.matches() && Integer.parseInt(section.group(1)) < MAX_SECTIONS) {
                sections.putIfAbsent(Integer.parseInt(section.group(1)), parameter);
            }
        }
        if (sections.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(join(sections));
    }

    private static String join(TreeMap<Integer, NameValuePair> sections) {
        Charset charset = StandardCharsets.US_ASCII;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean first = true;
        for (NameValuePair section : sections.values()) {
            String value = section.getValue();
            boolean encoded = section.getName().endsWith("*");
            if (encoded && first) {
                String[] charsetLanguageValue = value.split("'", 3);
                if (charsetLanguageValue.length == 3) {
                    charset = charset(charsetLanguageValue[0]);
                    value = charsetLanguageValue[2];
                }
            }
            byte[] sectionBytes = encoded ? percentDecoded(value) : value.getBytes(StandardCharsets.ISO_8859_1);
            bytes.write(sectionBytes, 0, sectionBytes.length);
            first = false;
        }
        return bytes.toString(charset);
    }

    private static byte[] percentDecoded(String value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%' && i + 2 < value.length() && isHex(value.charAt(i + 1)) && isHex(value.charAt(i + 2))) {
                bytes.write(Integer.parseInt(value.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return bytes.toByteArray();
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    private static Charset charset(String name) {
        try {
            return name.isEmpty() ? StandardCharsets.US_ASCII : Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }
}
