package org.smg.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.undertow.server.DefaultByteBufferPool;

class MultipartUploadTest {
    private static final String TOKEN = "the-session-token";
    private static final String BOUNDARY = "XyZ";
    private static final String TYPE = "multipart/form-data; boundary=" + BOUNDARY;
    private static final DefaultByteBufferPool POOL = new DefaultByteBufferPool(false, 4096);

    @Test
    void readShouldKeepFieldsAndStreamFilesWhenTheTokenComesFirst() throws Exception {
        byte[] body = new Body().field("csrf", TOKEN).field("subject", "Héllo").file("files", "a.pdf", "%PDF-1.4 data").end();

        try (MultipartUpload upload = MultipartUpload.read(new ByteArrayInputStream(body), TYPE, POOL, TOKEN, 1000, 5)) {

            assertThat(upload.field("subject")).isEqualTo("Héllo");
            assertThat(upload.files()).singleElement().satisfies(file -> {
                assertThat(file.name()).isEqualTo("a.pdf");
                assertThat(file.tooLarge()).isFalse();
                try (InputStream in = file.content().open()) {
                    assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("%PDF-1.4 data");
                }
            });
        }
    }

    @Test
    void readShouldRefuseBeforeReadingTheFileWhenTheTokenIsWrong() {
        CountingStream body = new CountingStream(new Body().field("csrf", "forged").file("files", "big.bin", "x".repeat(200_000)).end());

        assertThatThrownBy(() -> MultipartUpload.read(body, TYPE, POOL, TOKEN, 1_000_000, 5)).isInstanceOf(Visit.CsrfRefused.class);
        assertThat(body.read.get()).isLessThanOrEqualTo(16 * 1024);
    }

    @Test
    void readShouldRefuseWhenTheFirstPartIsNotTheToken() {
        byte[] body = new Body().file("files", "a.pdf", "data").field("csrf", TOKEN).end();

        assertThatThrownBy(() -> MultipartUpload.read(new ByteArrayInputStream(body), TYPE, POOL, TOKEN, 1000, 5))
            .isInstanceOf(Visit.CsrfRefused.class);
    }

    @Test
    void readShouldMarkAFileTooLargeWithoutKeepingItWhenOverTheLimit() throws Exception {
        byte[] body = new Body().field("csrf", TOKEN).file("files", "big.pdf", "x".repeat(5000)).end();

        try (MultipartUpload upload = MultipartUpload.read(new ByteArrayInputStream(body), TYPE, POOL, TOKEN, 1000, 5)) {

            assertThat(upload.files()).singleElement().satisfies(file -> {
                assertThat(file.tooLarge()).isTrue();
                assertThat(file.content()).isNull();
            });
        }
    }

    @Test
    void readShouldRefuse413WhenMoreFilesThanAllowed() {
        byte[] body = new Body().field("csrf", TOKEN).file("files", "a.pdf", "a").file("files", "b.pdf", "b").end();

        assertThatThrownBy(() -> MultipartUpload.read(new ByteArrayInputStream(body), TYPE, POOL, TOKEN, 1000, 1))
            .isInstanceOfSatisfying(FormBody.Refused.class, refused -> assertThat(refused.status()).isEqualTo(413));
    }

    @Test
    void readShouldSkipAnEmptyFileInputWhenNoFileWasChosen() throws Exception {
        byte[] body = new Body().field("csrf", TOKEN).file("files", "", "").end();

        try (MultipartUpload upload = MultipartUpload.read(new ByteArrayInputStream(body), TYPE, POOL, TOKEN, 1000, 5)) {

            assertThat(upload.files()).isEmpty();
        }
    }

    @Test
    void readShouldRefuseWhenAFieldIsSentTwice() {
        byte[] body = new Body().field("csrf", TOKEN).field("to", "a@x").field("to", "b@x").end();

        assertThatThrownBy(() -> MultipartUpload.read(new ByteArrayInputStream(body), TYPE, POOL, TOKEN, 1000, 5))
            .isInstanceOfSatisfying(FormBody.Refused.class, refused -> assertThat(refused).hasMessageContaining("'to' was sent twice"));
    }

    @Test
    void readShouldRefuse415WhenNotMultipart() {

        assertThatThrownBy(() -> MultipartUpload.read(new ByteArrayInputStream(new byte[0]), "application/x-www-form-urlencoded", POOL,
            TOKEN, 1000, 5)).isInstanceOfSatisfying(FormBody.Refused.class, refused -> assertThat(refused.status()).isEqualTo(415));
    }

    @Test
    void cleanNameShouldDropFoldersAndControlCharacters() {

        assertThat(MultipartUpload.cleanName("C:\\Users\\me\\report\u0007.pdf")).isEqualTo("report.pdf");
        assertThat(MultipartUpload.cleanName("../../etc/passwd")).isEqualTo("passwd");
    }

    private static final class Body {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Body field(String name, String value) {
            write("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
            return this;
        }

        Body file(String field, String name, String content) {
            write("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + name
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + content + "\r\n");
            return this;
        }

        byte[] end() {
            write("--" + BOUNDARY + "--\r\n");
            return out.toByteArray();
        }

        private void write(String text) {
            out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Counts the bytes the reader took. */
    private static final class CountingStream extends ByteArrayInputStream {
        final AtomicInteger read = new AtomicInteger();

        CountingStream(byte[] bytes) {
            super(bytes);
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            int n = super.read(b, off, len);
            if (n > 0) {
                read.addAndGet(n);
            }
            return n;
        }
    }
}
