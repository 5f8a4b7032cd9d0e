package org.smg.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class HeaderChangedMessageTest {
    private static final String BODY = SourcedMessage.MULTIPART.substring(SourcedMessage.MULTIPART.indexOf("\r\n\r\n") + 4);

    @Test
    void writeToShouldGiveTheChangedHeaderAndTheBodyAsReceivedWithoutParsingIt() throws Exception {
        SourcedMessage message = new SourcedMessage(SourcedMessage.MULTIPART);
        message.setHeader("X-Routed", "yes");

        String written = written(HeaderChangedMessage.of(message), new String[] {"Bcc"});

        assertThat(written).contains("X-Routed: yes\r\n").contains("Subject: the register\r\n").endsWith("\r\n\r\n" + BODY);
        assertThat(message.bodyParsed()).isFalse();
    }

    /** What the view avoids: James's own writeTo after a header change parses the whole body. */
    @Test
    void jamesWriteToShouldParseTheBodyWhenAHeaderWasChanged() throws Exception {
        SourcedMessage message = new SourcedMessage(SourcedMessage.MULTIPART);
        message.setHeader("X-Routed", "yes");

        written(message, new String[] {"Bcc"});

        assertThat(message.bodyParsed()).isTrue();
    }

    @Test
    void writeToShouldLeaveOutTheIgnoredHeaders() throws Exception {
        SourcedMessage message = new SourcedMessage(SourcedMessage.MULTIPART.replace("Subject:", "Bcc: hidden@staff.example\r\nSubject:"));

        String written = written(HeaderChangedMessage.of(message), new String[] {"Bcc"});

        assertThat(written).doesNotContain("hidden@staff.example");
    }

    @Test
    void copyHeaderToShouldGiveTheMessageTheViewsHeaderInItsOrder() throws Exception {
        SourcedMessage message = new SourcedMessage(SourcedMessage.MULTIPART);
        HeaderChangedMessage view = (HeaderChangedMessage) HeaderChangedMessage.of(message);
        view.removeHeader("Subject");
        view.addHeaderLine("X-First: 1");

        view.copyHeaderTo(message);

        assertThat(message.getHeader("Subject")).isNull();
        assertThat(written(message, null)).contains("X-First: 1\r\n").endsWith(BODY);
    }

    private static String written(javax.mail.internet.MimeMessage message, String[] ignoreList) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out, ignoreList);
        return out.toString(StandardCharsets.ISO_8859_1);
    }
}
