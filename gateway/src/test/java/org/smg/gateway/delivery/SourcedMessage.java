package org.smg.gateway.delivery;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.apache.james.server.core.MimeMessageSource;
import org.apache.james.server.core.MimeMessageWrapper;

/** A message as James holds one it received (a {@link MimeMessageWrapper} over a source), telling whether its body was parsed. */
public final class SourcedMessage extends MimeMessageWrapper {
    /** A multipart message with an attachment, as a mail client sends one. */
    public static final String MULTIPART = String.join("\r\n",
        "From: ann.lee@gateway.test",
        "To: clerk@staff.example",
        "Subject: the register",
        "MIME-Version: 1.0",
        "Content-Type: multipart/mixed; boundary=\"b1\"",
        "",
        "--b1",
        "Content-Type: text/plain; charset=us-ascii",
        "",
        "The register, as agreed.",
        "--b1",
        "Content-Type: application/pdf; name=\"register.pdf\"",
        "Content-Transfer-Encoding: base64",
        "",
        "JVBERi0xLjQKJcfs",
        "--b1--",
        "");

    public SourcedMessage(String raw) {
        super(source(raw.getBytes(StandardCharsets.US_ASCII)));
    }

    /** Whether JavaMail read the body into memory to parse it. */
    public boolean bodyParsed() {
        return messageParsed;
    }

    private static MimeMessageSource source(byte[] raw) {
        return new MimeMessageSource() {
            @Override
            public String getSourceId() {
                return "test-source";
            }

            @Override
            public InputStream getInputStream() {
                return new ByteArrayInputStream(raw);
            }

            @Override
            public long getMessageSize() {
                return raw.length;
            }
        };
    }
}
