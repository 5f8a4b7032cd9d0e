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
            "", "");

        String html = new Pages().render("compose-form", Pages.params("csrf", "token", "heading", "Write a message",
            "topics", List.of(new org.smg.gateway.enrollment.TopicAddresses.TopicAddress("eco@gateway.localhost", "Energy <credits>")),
            "reply", false, "replyLabel", "", "form", form, "files", List.of(new AttachedFile("f1", "<b>x</b>.pdf", "1 byte", "application/pdf")),
            "fileErrors", List.of("\"<i>y</i>.pdf\" was not attached: no."), "error", null, "notice", null, "limits", "Up to 20 files"));

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

        assertThat(ComposePages.quote("<a href=\"x\">é\n")).isEqualTo("\"\\u003ca href=\\u0022x\\u0022\\u003e\\u00e9\\u000a\"");
    }

    @Test
    void replyFormShouldGoToTheReplyAddressWithReOnceAndTheTextQuoted() throws Exception {
        String raw = "From: Office <reply+abc@gateway.localhost>\r\nSubject: Re: Your credit\r\nMessage-ID: <m1@staff>\r\n"
            + "Content-Type: text/plain; charset=UTF-8\r\n\r\nLine one\r\nLine two\r\n";

        ComposeForm reply = StoredMessage.read(new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)), false).replyForm();

        assertThat(reply.to()).isEqualTo("reply+abc@gateway.localhost");
        assertThat(reply.subject()).isEqualTo("Re: Your credit");
        assertThat(reply.inReplyTo()).isEqualTo("<m1@staff>");
        assertThat(reply.body()).contains("> Line one\n> Line two");
    }

    @Test
    void draftShouldComeBackWithItsFieldsAndFileWhenWrittenAndReadAgain() throws Exception {
        EncryptedTemporaryFile file = EncryptedTemporaryFile.create("test-");
        file.fill(new ByteArrayInputStream("%PDF-1.4 content".getBytes(StandardCharsets.US_ASCII)));
        ComposeForm form = new ComposeForm("eco@gateway.localhost", "Grüße", "Body text é", "", "");
        MimeMessage message = ComposedMessage.build(ComposedMessage.author("a@gateway.localhost", "Ann"), form,
            List.of(new ComposeFiles.File("f1", "résumé.pdf", file.size(), "application/pdf", file)));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        message.writeTo(bytes);

        StoredMessage read = StoredMessage.read(new ByteArrayInputStream(bytes.toByteArray()), true);

        ComposeForm draft = read.draftForm(MessageUid.of(7));
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
