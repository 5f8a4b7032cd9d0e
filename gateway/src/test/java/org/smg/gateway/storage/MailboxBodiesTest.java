package org.smg.gateway.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Random;

import org.junit.jupiter.api.Test;

class MailboxBodiesTest {
    @Test
    void bodyShouldBeReadableTwiceWhenSmallEnoughForMemory() throws Exception {
        byte[] content = content(MailboxBodies.IN_MEMORY);

        MailboxBodies.Body body = MailboxBodies.Body.copyOf(new ByteArrayInputStream(content));

        assertThat(readAll(body)).isEqualTo(content);
        assertThat(readAll(body)).isEqualTo(content);
    }

    @Test
    void bodyShouldBeReadableTwiceWhenLargerThanMemoryAllows() throws Exception {
        byte[] content = content(MailboxBodies.IN_MEMORY * 3 + 17);

        MailboxBodies.Body body = MailboxBodies.Body.copyOf(new ByteArrayInputStream(content));

        assertThat(readAll(body)).isEqualTo(content);
        assertThat(readAll(body)).isEqualTo(content);
    }

    @Test
    void bodyShouldBeEmptyWhenTheStoredBodyIsEmpty() throws Exception {
        MailboxBodies.Body body = MailboxBodies.Body.copyOf(InputStream.nullInputStream());

        assertThat(readAll(body)).isEmpty();
    }

    private static byte[] readAll(MailboxBodies.Body body) throws Exception {
        try (InputStream in = body.open()) {
            return in.readAllBytes();
        }
    }

    private static byte[] content(int length) {
        byte[] content = new byte[length];
        new Random(length).nextBytes(content);
        return content;
    }
}
