package org.smg.gateway.attachments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.smg.gateway.attachments.TestMessages.ascii;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.mail.internet.MimeBodyPart;
import javax.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

class MessagePartsTest {

    @Test
    void nextShouldDecodeEachLeafWhenMessageHasBodyAndAttachment() throws Exception {
        byte[] pdf = TestMessages.pdf();
        byte[] raw = TestMessages.bytes(TestMessages.message(TestMessages.text("Hello"), TestMessages.attachment("report.pdf", pdf)));

        List<Leaf> leaves = walk(raw);

        assertThat(leaves).hasSize(2);
        assertThat(leaves.get(0).leaf.isAttachment()).isFalse();
        assertThat(leaves.get(0).leaf.declaredType()).isEqualTo("text/plain");
        assertThat(new String(leaves.get(0).body)).isEqualTo("Hello");
        assertThat(leaves.get(1).leaf.isAttachment()).isTrue();
        assertThat(leaves.get(1).leaf.fileName()).contains("report.pdf");
        assertThat(leaves.get(1).leaf.declaredType()).isEqualTo("application/octet-stream");
        assertThat(leaves.get(1).body).isEqualTo(pdf);
    }

    @Test
    void nextShouldWalkIntoForwardedMessagesWhenAttachedAsRfc822() throws Exception {
        byte[] inner = TestMessages.bytes(TestMessages.message(TestMessages.text("inner"), TestMessages.attachment("inner.png", TestMessages.png())));
        byte[] raw = TestMessages.bytes(TestMessages.message(TestMessages.text("outer"),
            TestMessages.forwarded(new MimeMessage(TestMessages.SESSION, new ByteArrayInputStream(inner)))));

        List<Leaf> leaves = walk(raw);

        assertThat(leaves).extracting(leaf -> leaf.leaf.displayName())
            .containsExactly("part 1", "part 2", "inner.png");
        assertThat(leaves.get(2).body).isEqualTo(TestMessages.png());
    }

    @Test
    void nextShouldDecodeRfc2231FileNameWhenNameIsNotAscii() throws Exception {
        MimeBodyPart part = TestMessages.attachment("x.pdf", TestMessages.pdf());
        part.setHeader("Content-Disposition", "attachment; filename*=UTF-8''%E2%82%AC%20rates.pdf");

        List<Leaf> leaves = walk(TestMessages.bytes(TestMessages.message(part)));

        assertThat(leaves.get(0).leaf.fileName()).contains("\u20ac rates.pdf");
    }

    @Test
    void nextShouldJoinRfc2231ContinuationsWhenNameIsSplit() throws Exception {
        MimeBodyPart part = TestMessages.attachment("x.pdf", TestMessages.pdf());
        part.setHeader("Content-Disposition", "attachment; filename*0*=UTF-8''%C3%A9t%C3%A9; filename*1=\"-report.pdf\"");

        List<Leaf> leaves = walk(TestMessages.bytes(TestMessages.message(part)));

        assertThat(leaves.get(0).leaf.fileName()).contains("\u00e9t\u00e9-report.pdf");
    }

    @Test
    void nextShouldDecodeRfc2047FileNameWhenClientUsesEncodedWords() throws Exception {
        MimeBodyPart part = TestMessages.attachment("x.pdf", TestMessages.pdf());
        part.setHeader("Content-Disposition", "attachment");
        part.setHeader("Content-Type", "application/pdf; name=\"=?UTF-8?B?w6l0w6kucGRm?=\"");

        List<Leaf> leaves = walk(TestMessages.bytes(TestMessages.message(part)));

        assertThat(leaves.get(0).leaf.fileName()).contains("\u00e9t\u00e9.pdf");
    }

    @Test
    void nextShouldCountUnnamedNonTextPartAsAttachmentWhenInline() throws Exception {
        MimeBodyPart image = TestMessages.attachment("x.png", TestMessages.png());
        image.setHeader("Content-Disposition", "inline");
        image.setHeader("Content-Type", "image/png");

        List<Leaf> leaves = walk(TestMessages.bytes(TestMessages.message(TestMessages.html("<p>hi</p>"), image)));

        assertThat(leaves.get(0).leaf.isAttachment()).isFalse();
        assertThat(leaves.get(1).leaf.isAttachment()).isTrue();
        assertThat(leaves.get(1).leaf.fileName()).isEmpty();
    }

    @Test
    void nextShouldReadEverydayMailWhenItHasPreambleQuotedPrintableAndUtf8Headers() throws Exception {
        byte[] raw = ("From: =?UTF-8?Q?Z=C3=BCrich?= <a@example.org>\r\nSubject: Gr\u00fc\u00dfe\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: multipart/mixed;\r\n boundary=\"------------outer\"\r\n\r\n"
            + "This is a multi-part message in MIME format.\r\n--------------outer\r\n"
            + "Content-Type: multipart/alternative; boundary=\"------------alt\"\r\n\r\n"
            + "--------------alt\r\nContent-Type: text/plain; charset=UTF-8; format=flowed\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
            + "Gr=C3=BC=C3=9Fe, a long line that is softly=\r\n broken\r\n\r\n"
            + "--------------alt\r\nContent-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
            + "<p>Gr\u00fc\u00dfe</p>\r\n--------------alt--\r\n\r\n"
            + "--------------outer\r\nContent-Type: application/pdf; name=\"a.pdf\"\r\nContent-Disposition: attachment;\r\n filename=\"a.pdf\"\r\n"
            + "Content-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\n--------------outer--\r\n").getBytes(StandardCharsets.UTF_8);

        List<Leaf> leaves = walk(raw);

        assertThat(leaves).extracting(leaf -> leaf.leaf.displayName(), leaf -> leaf.leaf.isAttachment())
            .containsExactly(tuple("part 1", false), tuple("part 2", false),
                tuple("a.pdf", true));
        assertThat(new String(leaves.get(0).body, StandardCharsets.UTF_8)).isEqualTo("Gr\u00fc\u00dfe, a long line that is softly broken\r\n");
        assertThat(new String(leaves.get(2).body, StandardCharsets.US_ASCII)).isEqualTo("%PDF-1.4\n");
    }

    @Test
    void nextShouldThrowMalformedWhenClosingBoundaryIsMissing() {
        byte[] raw = ascii("From: a@example.org\nContent-Type: multipart/mixed; boundary=\"b\"\n\n--b\nContent-Type: text/plain\n\nhello\n");

        assertThatThrownBy(() -> walk(raw)).isInstanceOf(MalformedMessageException.class);
    }

    @Test
    void nextShouldThrowMalformedWhenPartGivesItsFileTwoNames() {
        byte[] raw = ascii("From: a@example.org\nContent-Type: multipart/mixed; boundary=\"b\"\n\n--b\n"
            + "Content-Type: text/plain; name=\"pay.js\"\nContent-Disposition: attachment; filename=\"notes.txt\"\n\nalert(1)\n--b--\n");

        assertThatThrownBy(() -> walk(raw)).isInstanceOf(MalformedMessageException.class).hasMessageContaining("two different names");
    }

    @Test
    void nextShouldThrowMalformedWhenPartHasTwoContentDispositions() {
        byte[] raw = ascii("From: a@example.org\nContent-Type: multipart/mixed; boundary=\"b\"\n\n--b\n"
            + "Content-Type: text/plain\nContent-Disposition: attachment; filename=\"notes.txt\"\n"
            + "Content-Disposition: attachment; filename=\"pay.js\"\n\nalert(1)\n--b--\n");

        assertThatThrownBy(() -> walk(raw)).isInstanceOf(MalformedMessageException.class).hasMessageContaining("two Content-Disposition");
    }

    @Test
    void nextShouldThrowMalformedWhenTransferEncodingIsNotOneMime4jDecodes() {
        byte[] raw = ascii("From: a@example.org\nContent-Type: multipart/mixed; boundary=\"b\"\n\n--b\n"
            + "Content-Type: application/octet-stream; name=report\nContent-Transfer-Encoding: x-uuencode\n\n"
            + "begin 644 report\n#0V%T\n`\nend\n--b--\n");

        assertThatThrownBy(() -> walk(raw)).isInstanceOf(MalformedMessageException.class).hasMessageContaining("x-uuencode");
    }

    @Test
    void nextShouldAcceptTheSameNameGivenAsFilenameAndName() throws Exception {
        byte[] raw = ascii("From: a@example.org\nContent-Type: multipart/mixed; boundary=\"b\"\n\n--b\n"
            + "Content-Type: text/plain; name=\"Notes.txt\"\nContent-Disposition: attachment; filename=\"notes.txt\"\n\nhello\n--b--\n");

        assertThat(walk(raw)).hasSize(1);
    }

    @Test
    void nextShouldThrowMalformedWhenBase64IsInvalid() {
        byte[] raw = ascii("From: a@example.org\nContent-Type: multipart/mixed; boundary=\"b\"\n\n--b\n"
            + "Content-Type: application/pdf; name=a.pdf\nContent-Transfer-Encoding: base64\n\n%%%%!!!!****\n--b--\n");

        assertThatThrownBy(() -> walk(raw)).isInstanceOf(MalformedMessageException.class);
    }

    @Test
    void nextShouldThrowMalformedWhenNestedTooDeep() {
        StringBuilder raw = new StringBuilder("From: a@example.org\n");
        for (int i = 0; i <= MessageParts.MAX_DEPTH; i++) {
            raw.append("Content-Type: multipart/mixed; boundary=\"b").append(i).append("\"\n\n--b").append(i).append('\n');
        }
        raw.append("Content-Type: text/plain\n\nx\n");

        assertThatThrownBy(() -> walk(ascii(raw.toString()))).isInstanceOf(MalformedMessageException.class);
    }

    @Test
    void nextShouldThrowSourceFailureWhenRawStreamFails() {
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("disk gone");
            }
        };

        assertThatThrownBy(() -> new MessageParts(failing).next())
            .isInstanceOf(IOException.class)
            .isNotInstanceOf(MalformedMessageException.class);
    }

    private record Leaf(MimeLeaf leaf, byte[] body) {
    }

    private static List<Leaf> walk(byte[] raw) throws IOException {
        MessageParts parts = new MessageParts(new ByteArrayInputStream(raw));
        List<Leaf> leaves = new ArrayList<>();
        for (Optional<MimeLeaf> leaf = parts.next(); leaf.isPresent(); leaf = parts.next()) {
            leaves.add(new Leaf(leaf.get(), leaf.get().body().readAllBytes()));
        }
        return leaves;
    }
}
