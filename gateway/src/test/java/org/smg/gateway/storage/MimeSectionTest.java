package org.smg.gateway.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.james.mailbox.store.streaming.PartContentBuilder;
import org.apache.james.mime4j.MimeException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MimeSectionTest {
    private static final String NESTED = String.join("\r\n",
        "From: a@example.org",
        "Subject: nested",
        "MIME-Version: 1.0",
        "Content-Type: multipart/mixed; boundary=\"outer\"",
        "",
        "preamble",
        "--outer",
        "Content-Type: multipart/alternative; boundary=\"alt\"",
        "",
        "--alt",
        "Content-Type: text/plain",
        "",
        "plain text",
        "--alt",
        "Content-Type: text/html",
        "",
        "<p>html</p>",
        "--alt--",
        "--outer",
        "Content-Type: application/pdf; name=\"register.pdf\"",
        "Content-Transfer-Encoding: base64",
        "",
        "JVBERi0xLjQKJcfs",
        "j6IK",
        "--outer",
        "Content-Type: message/rfc822",
        "",
        "From: b@example.org",
        "Subject: forwarded",
        "MIME-Version: 1.0",
        "Content-Type: multipart/mixed; boundary=\"inner\"",
        "",
        "--inner",
        "Content-Type: text/plain",
        "",
        "forwarded text",
        "--inner",
        "Content-Type: text/csv",
        "",
        "a,b",
        "1,2",
        "--inner--",
        "--outer",
        "Content-Type: message/rfc822",
        "",
        "From: c@example.org",
        "Subject: simple",
        "",
        "simple body",
        "--outer--",
        "epilogue",
        "");
    private static final String SIMPLE = "From: a@example.org\r\nSubject: simple\r\n\r\nline one\r\nline two\r\n";

    @ParameterizedTest
    @ValueSource(strings = {"1", "1.1", "1.2", "2", "3", "3.1", "3.2", "4", "4.1", "5", "2.1"})
    void partContentShouldEqualJamesSectionWhenTheMessageIsNested(String section) throws Exception {
        int[] path = path(section);

        String streamed = read(MimeSection.partContent(stream(NESTED), path));

        assertThat(streamed).isEqualTo(jamesPartContent(NESTED, path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"3", "4"})
    void messageTextShouldEqualJamesSectionWhenThePartCarriesAMessage(String section) throws Exception {
        int[] path = path(section);

        String streamed = read(MimeSection.messageText(stream(NESTED), path));

        assertThat(streamed).isEqualTo(jamesMessageText(NESTED, path));
    }

    @Test
    void partContentShouldGiveTheAttachmentWhenAskedForPartTwo() throws Exception {
        String streamed = read(MimeSection.partContent(stream(NESTED), new int[] {2}));

        assertThat(streamed).isEqualTo("JVBERi0xLjQKJcfs\r\nj6IK");
    }

    @Test
    void partContentShouldGiveTheBodyWhenTheMessageIsNotMultipart() throws Exception {
        String streamed = read(MimeSection.partContent(stream(SIMPLE), new int[] {1}));

        assertThat(streamed).isEqualTo("line one\r\nline two\r\n");
    }

    @Test
    void partContentShouldBeEmptyWhenThePartDoesNotExist() throws Exception {
        String streamed = read(MimeSection.partContent(stream(SIMPLE), new int[] {2}));

        assertThat(streamed).isEmpty();
    }

    /** James 3.8.1 answers 1.3 with part 2: it counts on past the end of the nested multipart. */
    @Test
    void partContentShouldBeEmptyWhenANestedPartIsBeyondItsMultipart() throws Exception {
        String streamed = read(MimeSection.partContent(stream(NESTED), new int[] {1, 3}));

        assertThat(streamed).isEmpty();
    }

    /** IMAP sends a literal in chunks of what available() reports; a line's worth would mean a TLS record per line. */
    @Test
    void partContentShouldReportWhatItHoldsWhenReadFrom() throws Exception {
        String large = NESTED.replace("JVBERi0xLjQKJcfs\r\n", "JVBERi0xLjQKJcfs\r\n".repeat(4000));
        InputStream section = MimeSection.partContent(stream(large), new int[] {2});

        section.read();

        assertThat(section.available()).isGreaterThan(8192);
    }

    @Test
    void closingTheSectionShouldCloseTheMessage() throws Exception {
        AtomicBoolean closed = new AtomicBoolean();
        InputStream message = new ByteArrayInputStream(NESTED.getBytes(StandardCharsets.US_ASCII)) {
            @Override
            public void close() {
                closed.set(true);
            }
        };

        MimeSection.partContent(message, new int[] {2}).close();

        assertThat(closed).isTrue();
    }

    private static String jamesPartContent(String message, int[] path) throws IOException, MimeException {
        return read(jamesBuilder(message, path).getMimeBodyContent().getInputStream());
    }

    private static String jamesMessageText(String message, int[] path) throws IOException, MimeException {
        return read(jamesBuilder(message, path).getMessageBodyContent().getInputStream());
    }

    private static PartContentBuilder jamesBuilder(String message, int[] path) throws IOException, MimeException {
        PartContentBuilder builder = new PartContentBuilder();
        builder.parse(stream(message));
        try {
            for (int position : path) {
                builder.to(position);
            }
        } catch (PartContentBuilder.PartNotFoundException e) {
            builder.markEmpty();
        }
        return builder;
    }

    private static int[] path(String section) {
        return java.util.Arrays.stream(section.split("\\.")).mapToInt(Integer::parseInt).toArray();
    }

    private static InputStream stream(String message) {
        return new ByteArrayInputStream(message.getBytes(StandardCharsets.US_ASCII));
    }

    private static String read(InputStream in) throws IOException {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }
}
