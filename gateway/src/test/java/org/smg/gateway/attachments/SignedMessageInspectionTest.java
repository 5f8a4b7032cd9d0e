package org.smg.gateway.attachments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smg.policies.model.AttachmentRules;

/** S/MIME signed mail: the detached signature is exempt from the type policy only where and when it really is one. */
class SignedMessageInspectionTest {
    private static final AttachmentRules DEFAULTS = AttachmentRules.builder().build();
    private static final byte[] CONTENT = "Content-Type: text/plain\r\n\r\nThe decision.\r\n".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path directory;

    private int scans;

    @Test
    void inspectShouldAcceptAndScanSignatureWhenSignedMessageIsClean() throws Exception {
        String raw = SmimeSamples.signedMessage("clerk@staff.example", "citizen@example.org", "Signed");

        Inspection inspection = inspect(raw, DEFAULTS);

        assertThat(inspection.isRefused()).as("%s", inspection).isFalse();
        assertThat(inspection.attachments()).isEmpty();
        assertThat(scans).isEqualTo(2);
    }

    @Test
    void inspectShouldAcceptWhenSignatureIsDeclaredWithTheOlderXType() throws Exception {
        String raw = SmimeSamples.signedMessage("clerk@staff.example", "citizen@example.org", "Signed")
            .replace("application/pkcs7-signature", "application/x-pkcs7-signature");

        Inspection inspection = inspect(raw, DEFAULTS);

        assertThat(inspection.isRefused()).as("%s", inspection).isFalse();
    }

    @Test
    void inspectShouldAcceptSignedMessageWhenItIsForwardedInsideAnotherMessage() throws Exception {
        String signed = SmimeSamples.signedMessage("clerk@staff.example", "citizen@example.org", "Signed");
        String raw = "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"f1\"\r\n\r\n"
            + "--f1\r\nContent-Type: text/plain\r\n\r\nForwarded, as asked.\r\n"
            + "--f1\r\nContent-Type: message/rfc822\r\n\r\n" + signed
            + "--f1\r\nContent-Type: application/pdf; name=\"after.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            + java.util.Base64.getMimeEncoder().encodeToString(TestMessages.pdf()) + "\r\n"
            + "--f1--\r\n";

        Inspection inspection = inspect(raw, DEFAULTS);

        assertThat(inspection.isRefused()).as("%s", inspection).isFalse();
        assertThat(inspection.attachments()).extracting(InspectedPart::name).containsExactly("after.pdf");
    }

    @Test
    void inspectShouldNotCountSignatureWhenPolicyAllowsOneAttachment() throws Exception {
        String raw = signedMixed(SmimeSamples.detachedSignature(CONTENT));

        Inspection inspection = inspect(raw, AttachmentRules.builder().maxAttachments(1).build());

        assertThat(inspection.isRefused()).as("%s", inspection).isFalse();
        assertThat(inspection.attachments()).extracting(InspectedPart::name).containsExactly("report.pdf");
    }

    @Test
    void inspectShouldRefuseSignaturePartWhenItsBytesAreAnExecutable() throws Exception {
        String raw = SmimeSamples.signedMessage("clerk@staff.example", "citizen@example.org", "Signed", TestMessages.pe());

        Inspection inspection = inspect(raw, DEFAULTS);

        assertThat(inspection.refusals()).singleElement().satisfies(refusal -> {
            assertThat(refusal.fileName()).isEqualTo("smime.p7s");
            assertThat(refusal.reason()).isEqualTo(RefusalReason.TYPE_NOT_ALLOWED);
        });
    }

    @Test
    void inspectShouldRefuseSignaturePartWhenAnExecutableFollowsTheSignature() throws Exception {
        byte[] signature = SmimeSamples.detachedSignature(CONTENT);
        byte[] withPayload = Arrays.copyOf(signature, signature.length + TestMessages.pe().length);
        System.arraycopy(TestMessages.pe(), 0, withPayload, signature.length, TestMessages.pe().length);
        String raw = SmimeSamples.signedMessage("clerk@staff.example", "citizen@example.org", "Signed", withPayload);

        Inspection inspection = inspect(raw, DEFAULTS);

        assertThat(inspection.refusals()).extracting(Refusal::fileName).containsExactly("smime.p7s");
    }

    @Test
    void inspectShouldRefuseSignaturePartWhenSignedDataCarriesAFile() throws Exception {
        String raw = SmimeSamples.signedMessage("clerk@staff.example", "citizen@example.org", "Signed",
            SmimeSamples.encapsulatingSignature(TestMessages.pe()));

        Inspection inspection = inspect(raw, DEFAULTS);

        assertThat(inspection.refusals()).extracting(Refusal::fileName).containsExactly("smime.p7s");
    }

    @Test
    void inspectShouldRefuseRealSignatureWhenItIsAttachedOutsideMultipartSigned() throws Exception {
        String raw = SmimeSamples.signedMessage("clerk@staff.example", "citizen@example.org", "Signed")
            .replace("multipart/signed; protocol=\"application/pkcs7-signature\"; micalg=sha-256", "multipart/mixed");

        Inspection inspection = inspect(raw, DEFAULTS);

        assertThat(inspection.refusals()).extracting(Refusal::fileName).containsExactly("smime.p7s");
    }

    @Test
    void inspectShouldRefuseRealSignatureWhenProtocolIsNotPkcs7() throws Exception {
        String raw = SmimeSamples.signedMessage("clerk@staff.example", "citizen@example.org", "Signed")
            .replace("protocol=\"application/pkcs7-signature\"", "protocol=\"application/pgp-signature\"");

        Inspection inspection = inspect(raw, DEFAULTS);

        assertThat(inspection.refusals()).extracting(Refusal::fileName).containsExactly("smime.p7s");
    }

    @Test
    void inspectShouldRefuseRealSignatureWhenItIsTheFirstPartOfMultipartSigned() throws Exception {
        byte[] signature = SmimeSamples.detachedSignature(CONTENT);
        String raw = "MIME-Version: 1.0\r\n"
            + "Content-Type: multipart/signed; protocol=\"application/pkcs7-signature\"; boundary=\"s1\"\r\n\r\n"
            + "--s1\r\n" + signaturePart(signature)
            + "--s1\r\nContent-Type: text/plain\r\n\r\nThe decision.\r\n"
            + "--s1--\r\n";

        Inspection inspection = inspect(raw, DEFAULTS);

        assertThat(inspection.refusals()).extracting(Refusal::fileName).containsExactly("smime.p7s");
    }

    /** A signed message whose signed content is a multipart/mixed with a PDF: the signature is its second part. */
    private static String signedMixed(byte[] signature) {
        String pdf = java.util.Base64.getMimeEncoder().encodeToString(TestMessages.pdf());
        return "MIME-Version: 1.0\r\n"
            + "Content-Type: multipart/signed; protocol=\"application/pkcs7-signature\"; boundary=\"s1\"\r\n\r\n"
            + "--s1\r\nContent-Type: multipart/mixed; boundary=\"m1\"\r\n\r\n"
            + "--m1\r\nContent-Type: text/plain\r\n\r\nThe decision.\r\n"
            + "--m1\r\nContent-Type: application/pdf; name=\"report.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\n" + pdf + "\r\n"
            + "--m1--\r\n"
            + "--s1\r\n" + signaturePart(signature)
            + "--s1--\r\n";
    }

    private static String signaturePart(byte[] signature) {
        return "Content-Type: application/pkcs7-signature; name=\"smime.p7s\"\r\nContent-Transfer-Encoding: base64\r\n"
            + "Content-Disposition: attachment; filename=\"smime.p7s\"\r\n\r\n"
            + java.util.Base64.getMimeEncoder().encodeToString(signature) + "\r\n";
    }

    private Inspection inspect(String raw, AttachmentRules rules) throws IOException, ScannerUnavailableException {
        TypeDetector detector = new TypeDetector();
        MessageInspector inspector = new MessageInspector(new EncryptedSpool(1024, directory), detector,
            new PolicyFileInspector(detector, self -> Map.of()), this::scan);
        return inspector.inspect(new ByteArrayInputStream(raw.getBytes(StandardCharsets.US_ASCII)), rules);
    }

    private ScanResult scan(InputStream content) throws ScannerUnavailableException {
        try {
            content.readAllBytes();
        } catch (IOException e) {
            throw new ScannerUnavailableException("read failed", e);
        }
        scans++;
        return ScanResult.clean();
    }
}
