package org.smg.gateway.quarantine;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.apache.james.server.core.MimeMessageSource;

/**
 * A message of a given size produced on the fly (like one James keeps in a file): a test can store
 * megabytes without the test itself holding them, and compare digests instead of copies.
 */
class GeneratedMessage implements MimeMessageSource {
    private final String headers;
    private final String line;
    private final int lines;

    GeneratedMessage(String subject, String token, int megabytes) {
        this.headers = "From: sender@staff.test\r\nTo: citizen@gateway.test\r\nSubject: " + subject
            + "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=US-ASCII\r\n\r\n";
        this.line = "Case file " + token + " line of a large quarantined message, padded to 128 bytes ......................................\r\n";
        this.lines = megabytes * 1024 * 1024 / line.length();
    }

    @Override
    public String getSourceId() {
        return "generated";
    }

    @Override
    public InputStream getInputStream() {
        return new SequenceInputStream(new ByteArrayInputStream(headers.getBytes(StandardCharsets.US_ASCII)), new InputStream() {
            private final byte[] bytes = line.getBytes(StandardCharsets.US_ASCII);
            private long position;
            private final long end = (long) lines * bytes.length;

            @Override
            public int read() {
                return position < end ? bytes[(int) (position++ % bytes.length)] & 0xff : -1;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (position >= end) {
                    return -1;
                }
                int count = (int) Math.min(length, end - position);
                for (int i = 0; i < count; i++) {
                    buffer[offset + i] = bytes[(int) (position++ % bytes.length)];
                }
                return count;
            }
        });
    }

    @Override
    public long getMessageSize() {
        return headers.length() + (long) lines * line.length();
    }

    String digest() throws Exception {
        return digest(getInputStream());
    }

    static String digest(InputStream in) throws Exception {
        try (in) {
            MessageDigest sha = sha256();
            byte[] buffer = new byte[64 * 1024];
            for (int read; (read = in.read(buffer)) >= 0; ) {
                sha.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(sha.digest());
        }
    }

    /** The digest of what the message writes, without a copy of it. */
    static String digest(javax.mail.internet.MimeMessage message) throws Exception {
        MessageDigest sha = sha256();
        try (java.security.DigestOutputStream out = new java.security.DigestOutputStream(java.io.OutputStream.nullOutputStream(), sha)) {
            message.writeTo(out);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha256() throws NoSuchAlgorithmException {
        return MessageDigest.getInstance("SHA-256");
    }
}
