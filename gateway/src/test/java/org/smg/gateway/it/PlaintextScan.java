package org.smg.gateway.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Looks for a token in the files under a directory: as plain text (also UTF-16), in
 * quoted-printable (soft line breaks ignored), and inside base64 streams at each of the three
 * possible alignments (line breaks ignored).
 */
final class PlaintextScan {
    private final Map<String, byte[]> plainForms = new LinkedHashMap<>();
    private final Map<String, byte[]> base64Forms = new LinkedHashMap<>();

    private PlaintextScan(String token) {
        plainForms.put("plain", token.getBytes(StandardCharsets.UTF_8));
        plainForms.put("utf-16be", token.getBytes(StandardCharsets.UTF_16BE));
        plainForms.put("utf-16le", token.getBytes(StandardCharsets.UTF_16LE));
        byte[] bytes = token.getBytes(StandardCharsets.UTF_8);
        for (int shift = 0; shift < 3; shift++) {
            byte[] shifted = new byte[shift + bytes.length];
            System.arraycopy(bytes, 0, shifted, shift, bytes.length);
            String encoded = Base64.getEncoder().withoutPadding().encodeToString(shifted);
            // Only whole 3-byte groups made of token bytes alone encode the same in any stream.
            int first = shift == 0 ? 0 : 4;
            int last = (shift + bytes.length) / 3 * 4;
            base64Forms.put("base64, " + shift + " byte(s) before", encoded.substring(first, last).getBytes(StandardCharsets.US_ASCII));
        }
    }

    static PlaintextScan forToken(String token) {
        return new PlaintextScan(token);
    }

    /** "file: form" for every file under {@code root} where the token shows in some form. */
    List<String> findings(Path root) {
        List<String> found = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (attributes.isRegularFile()) {
                        found.addAll(findings(root, file));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    if (e instanceof NoSuchFileException) {
                        // The running gateway removed it while we walked (Derby recycles its log files): nothing left to scan.
                        return FileVisitResult.CONTINUE;
                    }
                    throw e;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    private List<String> findings(Path root, Path file) {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException gone) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] withoutSoftBreaks = remove(content, "=\r\n".getBytes(StandardCharsets.US_ASCII));
        byte[] withoutLineBreaks = remove(remove(content, new byte[] {'\r'}), new byte[] {'\n'});
        List<String> found = new ArrayList<>();
        plainForms.forEach((form, needle) -> {
            if (indexOf(content, needle) >= 0 || indexOf(withoutSoftBreaks, needle) >= 0) {
                found.add(root.relativize(file) + ": " + form);
            }
        });
        base64Forms.forEach((form, needle) -> {
            if (indexOf(withoutLineBreaks, needle) >= 0) {
                found.add(root.relativize(file) + ": " + form);
            }
        });
        return found;
    }

    private static byte[] remove(byte[] content, byte[] sequence) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(content.length);
        int i = 0;
        while (i < content.length) {
            if (startsWith(content, i, sequence)) {
                i += sequence.length;
            } else {
                out.write(content[i++]);
            }
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (startsWith(haystack, i, needle)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsWith(byte[] content, int offset, byte[] sequence) {
        if (offset + sequence.length > content.length) {
            return false;
        }
        for (int j = 0; j < sequence.length; j++) {
            if (content[offset + j] != sequence[j]) {
                return false;
            }
        }
        return true;
    }
}
