package org.smg.gateway.dkim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Properties;

import javax.mail.Session;
import javax.mail.internet.MimeMessage;

import org.apache.james.jdkim.DKIMVerifier;
import org.apache.james.jdkim.api.SignatureRecord;
import org.apache.james.jdkim.exceptions.FailException;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smg.gateway.delivery.HeaderChangedMessage;
import org.smg.gateway.delivery.SourcedMessage;

/** Which mail is signed, and that the signature verifies with the published record and breaks on a change. */
class SignOwnDomainsTest {
    @TempDir
    static Path secrets;
    private static DkimKey key;
    private static SignOwnDomains mailet;

    @BeforeAll
    static void init() throws Exception {
        key = DkimKey.readOrCreate(secrets.resolve("dkim-private.pem"));
        mailet = new SignOwnDomains(new DkimSigning(key, "smg", List.of("gateway.test", "second.test")));
        mailet.init(FakeMailetConfig.builder().mailetName("SignOwnDomains").build());
    }

    @Test
    void serviceShouldSignWithTheFromDomainWhenTheFromIsOneOfTheGatewaysDomains() throws Exception {
        FakeMail mail = mail("Notices <no-reply@second.test>");

        mailet.service(mail);

        List<SignatureRecord> signatures = verify(raw(mail.getMessage()));
        assertThat(signatures).singleElement().satisfies(signature -> {
            assertThat(signature.getDToken().toString()).isEqualTo("second.test");
            assertThat(signature.getSelector().toString()).isEqualTo("smg");
        });
    }

    @Test
    void serviceShouldLeaveTheMailUnsignedWhenTheFromIsAnotherDomain() throws Exception {
        FakeMail mail = mail("clerk@agency.example");

        mailet.service(mail);

        assertThat(mail.getMessage().getHeader("DKIM-Signature")).isNull();
    }

    @Test
    void serviceShouldLeaveTheMailUnsignedWhenTheFromHasTwoAddresses() throws Exception {
        FakeMail mail = mail("no-reply@gateway.test, clerk@agency.example");

        mailet.service(mail);

        assertThat(mail.getMessage().getHeader("DKIM-Signature")).isNull();
    }

    @Test
    void serviceShouldSignOnceWhenTheMailPassesTwice() throws Exception {
        FakeMail mail = mail("no-reply@gateway.test");

        mailet.service(mail);
        mailet.service(mail);

        assertThat(mail.getMessage().getHeader("DKIM-Signature")).hasSize(1);
    }

    @Test
    void verifyShouldFailWhenTheSignedBodyWasChanged() throws Exception {
        FakeMail mail = mail("no-reply@gateway.test");
        mailet.service(mail);

        String tampered = raw(mail.getMessage()).replace("Sign in at", "Sign in now at");

        assertThatThrownBy(() -> verify(tampered)).isInstanceOf(FailException.class);
    }

    @Test
    void serviceShouldSignWithoutParsingTheBodyWhenAHeaderWasChangedOnTheWay() throws Exception {
        SourcedMessage message = new SourcedMessage(SourcedMessage.MULTIPART);
        message.setHeader("X-Routed", "yes");
        FakeMail mail = FakeMail.builder().name("routed").mimeMessage(message).recipient("clerk@staff.example").build();

        mailet.service(mail);

        assertThat(message.bodyParsed()).isFalse();
        assertThat(verify(raw(HeaderChangedMessage.of(message)))).singleElement()
            .satisfies(signature -> assertThat(signature.getDToken().toString()).isEqualTo("gateway.test"));
    }

    @Test
    void readOrCreateShouldKeepTheKeyWhenTheFileExists() throws Exception {
        DkimKey again = DkimKey.readOrCreate(secrets.resolve("dkim-private.pem"));

        assertThat(again.txtRecord()).isEqualTo(key.txtRecord()).startsWith("v=DKIM1; k=rsa; p=MIIBIjAN");
        assertThat(Files.getPosixFilePermissions(secrets.resolve("dkim-private.pem")))
            .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(again.toString()).doesNotContain("PRIVATE");
    }

    private static FakeMail mail(String from) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setHeader("From", from);
        message.setRecipients(javax.mail.Message.RecipientType.TO, "ann@example.net");
        message.setSubject("A new secure message");
        message.setText("A message is waiting.\nSign in at https://secure.gateway.test:8443/signin\n", "UTF-8");
        message.saveChanges();
        return FakeMail.builder().name("notification").mimeMessage(message).recipient("ann@example.net").build();
    }

    private static List<SignatureRecord> verify(String raw) throws Exception {
        return new DKIMVerifier((method, selector, domain) -> List.of(key.txtRecord()))
            .verify(new ByteArrayInputStream(raw.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static String raw(MimeMessage message) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        message.writeTo(bytes);
        return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
