package org.smg.gateway.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class MboxWriterTest {
    private static final MessageRecord RECORD = new MessageRecord("id1", "jane@gateway.test", "ECO", RecordDirection.IN,
        Instant.parse("2024-05-01T08:00:00Z"), 0, "", "eco@staff.example", "jane@gateway.test", false);

    @Test
    void writeShouldStartWithAFromLineAndQuoteFromLinesOfTheMessage() throws Exception {
        String message = "Subject: x\n\nFrom the start\n>From quoted\nnot From here\n>>From twice\nFro\n";

        String mbox = write(message);

        assertThat(mbox).isEqualTo("From eco@staff.example Wed May 1 08:00:00 2024\n"
            + "Subject: x\n\n>From the start\n>>From quoted\nnot From here\n>>>From twice\nFro\n\n");
    }

    @Test
    void writeShouldEndTheMessageWithAnEmptyLineWhenItLacksAFinalNewline() throws Exception {
        String mbox = write("Subject: x\n\nno newline");

        assertThat(mbox).endsWith("no newline\n\n");
    }

    @Test
    void writeShouldKeepGreaterThanSignsThatDoNotStartAFromLine() throws Exception {
        String mbox = write("Subject: x\n\n>> quoted reply\n>\n");

        assertThat(mbox).contains("\n>> quoted reply\n>\n");
    }

    private static String write(String message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new MboxWriter(out).write(RECORD, new ByteArrayInputStream(message.getBytes(StandardCharsets.US_ASCII)));
        return out.toString(StandardCharsets.US_ASCII);
    }
}
