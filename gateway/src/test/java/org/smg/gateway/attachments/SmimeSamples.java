package org.smg.gateway.attachments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * S/MIME signed mail as a client writes it (RFC 8551): a self-signed signer certificate made on first use, real CMS
 * SignedData made with Bouncy Castle, and multipart/signed messages around it. Unit tests and the integration tests
 * over SMTP share them.
 */
public final class SmimeSamples {
    /** The signed first part of {@link #signedMessage}, canonical (CRLF), as it is signed. */
    private static final String SIGNED_PART = "Content-Type: text/plain; charset=us-ascii\r\n\r\nThe decision on your case is attached in this signed mail.\r\n";

    private static Signer signer;

    private SmimeSamples() {
    }

    /** A detached signature of {@code content}: SignedData with the signer's certificate and no content. */
    public static byte[] detachedSignature(byte[] content) {
        return sign(content, false, "DER");
    }

    /** The same in BER with indefinite lengths, as Thunderbird (NSS) writes it. */
    public static byte[] detachedSignatureInBer(byte[] content) {
        return sign(content, false, "BER");
    }

    /** SignedData that carries {@code content} inside it (an opaque-signed file, not a detached signature). */
    public static byte[] encapsulatingSignature(byte[] content) {
        return sign(content, true, "DER");
    }

    /** A signed message whose signature part is a real detached signature of its first part. */
    public static String signedMessage(String from, String to, String subject) {
        return signedMessage(from, to, subject, detachedSignature(SIGNED_PART.getBytes(StandardCharsets.US_ASCII)));
    }

    /** A multipart/signed message whose second part, named smime.p7s, holds {@code signaturePart} whatever it is. */
    public static String signedMessage(String from, String to, String subject, byte[] signaturePart) {
        String boundary = "s-" + UUID.randomUUID();
        return "From: " + from + "\r\n"
            + "To: " + to + "\r\n"
            + "Subject: " + subject + "\r\n"
            + "Message-ID: <" + UUID.randomUUID() + "@test.example>\r\n"
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: multipart/signed; protocol=\"application/pkcs7-signature\"; micalg=sha-256; boundary=\"" + boundary + "\"\r\n\r\n"
            + "This is an S/MIME signed message\r\n"
            + "--" + boundary + "\r\n"
            + SIGNED_PART
            + "\r\n--" + boundary + "\r\n"
            + "Content-Type: application/pkcs7-signature; name=\"smime.p7s\"\r\n"
            + "Content-Transfer-Encoding: base64\r\n"
            + "Content-Disposition: attachment; filename=\"smime.p7s\"\r\n\r\n"
            + Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(signaturePart) + "\r\n"
            + "--" + boundary + "--\r\n";
    }

    private static synchronized byte[] sign(byte[] content, boolean encapsulate, String encoding) {
        try {
            if (signer == null) {
                signer = Signer.create();
            }
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            ContentSigner contentSigner = new JcaContentSignerBuilder("SHA256withRSA").build(signer.keys.getPrivate());
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                .build(contentSigner, signer.certificate));
            generator.addCertificates(new JcaCertStore(List.of(signer.certificate)));
            return generator.generate(new CMSProcessableByteArray(content), encapsulate).getEncoded(encoding);
        } catch (GeneralSecurityException | OperatorCreationException | CMSException e) {
            throw new IllegalStateException("cannot make the sample signature", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sender's key and self-signed certificate, made once per test JVM. */
    private record Signer(KeyPair keys, X509Certificate certificate) {
        static Signer create() throws GeneralSecurityException, OperatorCreationException {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            X500Name subject = new X500Name("CN=Clerk, E=clerk@staff.example");
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(Duration.ofDays(1))), subject, keys.getPublic());
            X509Certificate certificate = new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
            return new Signer(keys, certificate);
        }
    }
}
