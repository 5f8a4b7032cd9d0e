package org.smg.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.mail.internet.MimeMessage;

import org.apache.james.mailbox.MessageUid;
import org.junit.jupiter.api.Test;
import org.smg.gateway.storage.EncryptedTemporaryFile;

class ComposeTextTest {

    @Test
    void composeFormShouldEscapeWhatTheCitizenWroteAndLoadOnlyTheSitesOwnScript() {
        ComposeForm form = new ComposeForm("eco@gateway.localhost", "\"><script>alert(1)</script>", "</textarea><img src=x onerror=alert(2)>",
            "", "", "");

        String html = new Pages().render("compose-form", Pages.params("csrf", "token", "heading", "Write a message",
            "topics", List.of(new org.smg.gateway.enrollment.TopicAddresses.TopicAddress("eco@gateway.localhost", "Energy <credits>")),
            "reply", false, "replyLabel", "", "form", form, "files", List.of(new AttachedFile("f1", "<b>x</b>.pdf", "1 byte", "application/pdf")),
            "fileErrors", List.of("\"<i>y</i>.pdf\" was not attached: no."), "error", null, "notice", null, "limits", "Up to 20 files", "maxFileBytes", 1000L, "tooLarge", "larger than 1 KB"));

        assertThat(html).doesNotContain("<script>alert").doesNotContain("<img src=x").doesNotContain("<b>x</b>").doesNotContain("<i>y</i>")
            .doesNotContain("Energy <credits>").doesNotContain(" style=").doesNotContain("onerror=alert(2)>");
        assertThat(html.split("<script", -1)).hasSize(2);
        assertThat(html).contains("<script src=\"/static/upload.js\"></script>")
            .contains("aria-describedby=\"files-hint files-error\"").contains("value=\"eco@gateway.localhost\" selected");
    }

    @Test
    void humanSizeShouldUseBytesBelowOneKilobyteAndOneDecimalAbove() {

        assertThat(HumanSize.of(1)).isEqualTo("1 byte");
        assertThat(HumanSize.of(1023)).isEqualTo("1023 bytes");
        assertThat(HumanSize.of(1536)).isEqualTo("1.5 KB");
        assertThat(HumanSize.of(5L * 1024 * 1024)).isEqualTo("5.0 MB");
    }

    @Test
    void quoteShouldEscapeMarkupQuotesAndNonAscii() {

        assertThat(ScriptUpload.quote("<a href=\"x\">é\n")).isEqualTo("\"\\u003ca href=\\u0022x\\u0022\\u003e\\u00e9\\u000a\"");
    }

    @Test
    void replyFormShouldGoToTheReplyAddressWithReOnceAndTheTextQuoted() throws Exception {
        String raw = "From: Office <reply+abc@gateway.localhost>\r\nSubject: Re: Your credit\r\nMessage-ID: <m1@staff>\r\n"
            + "Content-Type: text/plain; charset=UTF-8\r\n\r\nLine one\r\nLine two\r\n";

        ComposeForm reply = StoredMessage.read(new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)), false)
            .replyForm(ComposeForm.answering("INBOX", MessageUid.of(42)));

        assertThat(reply.to()).isEqualTo("reply+abc@gateway.localhost");
        assertThat(reply.answered()).contains(new ComposeForm.Answered("INBOX", MessageUid.of(42)));
        assertThat(reply.subject()).isEqualTo("Re: Your credit");
        assertThat(reply.inReplyTo()).isEqualTo("<m1@staff>");
        assertThat(reply.body()).contains("> Line one\n> Line two");
    }

    @Test
    void replyFormShouldQuoteTheTextInItsDeclaredCharset() throws Exception {
        String raw = "From: office@gateway.localhost\r\nSubject: x\r\nContent-Type: text/plain; charset=ISO-8859-1\r\n\r\n";
        byte[] bytes = concat(raw.getBytes(StandardCharsets.US_ASCII), "Grüße, Änderung\r\n".getBytes(StandardCharsets.ISO_8859_1));

        ComposeForm reply = StoredMessage.read(new ByteArrayInputStream(bytes), false).replyForm("");

        assertThat(reply.body()).contains("> Grüße, Änderung");
        assertThat(reply.answered()).isEmpty();
    }

    @Test
    void replyFormShouldReadUndeclared8BitTextAsUtf8() throws Exception {
        String raw = "From: office@gateway.localhost\r\nSubject: x\r\n\r\nGrüße aus dem Amt\r\n";

        ComposeForm reply = StoredMessage.read(new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)), false).replyForm("");

        assertThat(reply.body()).contains("> Grüße aus dem Amt");
    }

    @Test
    void replyFormShouldQuoteTheWordsOfAnHtmlOnlyMessageWithoutItsMarkupScriptsOrStyles() throws Exception {
        String raw = "From: office@gateway.localhost\r\nSubject: x\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n"
            + "<html><head><title>T</title><style>p{color:red}</style></head><body><p>Dear Jane,</p>"
            + "<p>Your refund &amp; credit<br>are approved.</p><script>alert(1)</script><table><tr><td>Amount</td><td>120</td></tr>"
            + "</table><div>Office</div></body></html>\r\n";

        ComposeForm reply = StoredMessage.read(new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)), false).replyForm("");

        assertThat(reply.body()).contains("> Dear Jane,\n").contains("> Your refund & credit\n> are approved.")
            .contains("> Amount 120").contains("> Office").doesNotContain("<", "alert", "color", "> T\n");
    }

    @Test
    void answeredShouldBeEmptyForAValueNotOfItsShape() {
        for (String value : new String[] {"", "INBOX", ":INBOX", "0:INBOX", "12:", "x:INBOX", "99999999999:INBOX", "7:IN\r\nX-Forged: 1"}) {
            assertThat(new ComposeForm("", "", "", "", "", value).answered()).as(value).isEmpty();
        }
        assertThat(new ComposeForm("", "", "", "", "", "7:Old/2025").answered()).contains(new ComposeForm.Answered("Old/2025", MessageUid.of(7)));
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    @Test
    void draftShouldComeBackWithItsFieldsAndFileWhenWrittenAndReadAgain() throws Exception {
        EncryptedTemporaryFile file = EncryptedTemporaryFile.create("test-");
        file.fill(new ByteArrayInputStream("%PDF-1.4 content".getBytes(StandardCharsets.US_ASCII)));
        ComposeForm form = new ComposeForm("eco@gateway.localhost", "Grüße", "Body text é", "", "", "");
        MimeMessage message = ComposedMessage.build(ComposedMessage.author("a@gateway.localhost", "Ann"), form,
            List.of(new ComposeFiles.File("f1", "résumé.pdf", file.size(), "application/pdf", file)));
        message.setHeader(org.smg.gateway.routing.GatewayHeaders.DRAFT_ANSWERING,
            new ComposeForm("", "", "", "", "", "42:Année/2025").answeringHeader());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        message.writeTo(bytes);

        StoredMessage read = StoredMessage.read(new ByteArrayInputStream(bytes.toByteArray()), true);

        ComposeForm draft = read.draftForm(MessageUid.of(7));
        assertThat(draft.answered()).as("the message a saved reply answers")
            .contains(new ComposeForm.Answered("Année/2025", MessageUid.of(42)));
        assertThat(draft.to()).isEqualTo("eco@gateway.localhost");
        assertThat(draft.subject()).isEqualTo("Grüße");
        assertThat(draft.body()).isEqualTo("Body text é");
        assertThat(draft.draft()).isEqualTo("7");
        assertThat(read.files()).singleElement().satisfies(part -> {
            assertThat(part.name()).isEqualTo("résumé.pdf");
            assertThat(part.content().open().readAllBytes()).isEqualTo("%PDF-1.4 content".getBytes(StandardCharsets.US_ASCII));
        });
        file.close();
    }
}
