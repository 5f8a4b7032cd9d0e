package org.smg.gateway.secondfactor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.google.common.io.BaseEncoding;

class TotpTest {
    /** RFC 6238 appendix B: the SHA-1 seed "12345678901234567890". */
    private static final String RFC_SECRET = BaseEncoding.base32().omitPadding()
        .encode("12345678901234567890".getBytes(StandardCharsets.US_ASCII));
    private final Totp totp = new Totp();

    @Test
    void codeShouldMatchTheRfc6238VectorsTruncatedToSixDigits() {
        String at59 = totp.code(RFC_SECRET, Instant.ofEpochSecond(59));
        String at1111111109 = totp.code(RFC_SECRET, Instant.ofEpochSecond(1111111109));

        assertThat(at59).isEqualTo("287082");
        assertThat(at1111111109).isEqualTo("081804");
    }

    @Test
    void matchingStepShouldAcceptTheCurrentStepAndOneStepEitherSide() {
        Instant now = Instant.parse("2026-01-01T12:00:10Z");
        long current = Totp.step(now);

        assertThat(totp.matchingStep(RFC_SECRET, totp.code(RFC_SECRET, now), now)).hasValue(current);
        assertThat(totp.matchingStep(RFC_SECRET, totp.code(RFC_SECRET, now.minusSeconds(30)), now)).hasValue(current - 1);
        assertThat(totp.matchingStep(RFC_SECRET, totp.code(RFC_SECRET, now.plusSeconds(30)), now)).hasValue(current + 1);
    }

    @Test
    void matchingStepShouldRefuseCodesTwoStepsAwayAndMalformedInput() {
        Instant now = Instant.parse("2026-01-01T12:00:10Z");

        assertThat(totp.matchingStep(RFC_SECRET, totp.code(RFC_SECRET, now.minusSeconds(60)), now)).isEmpty();
        assertThat(totp.matchingStep(RFC_SECRET, totp.code(RFC_SECRET, now.plusSeconds(60)), now)).isEmpty();
        assertThat(totp.matchingStep(RFC_SECRET, "12345", now)).isEmpty();
        assertThat(totp.matchingStep(RFC_SECRET, "12345a", now)).isEmpty();
        assertThat(totp.matchingStep(RFC_SECRET, "١٢٣٤٥٦", now)).isEmpty();
    }

    @Test
    void newSecretShouldBe160BitsInBase32AndUriShouldNameIssuerAndAccount() {
        String secret = Totp.newSecret(new SecureRandom());

        String uri = Totp.uri("Secure messaging", "jane@example.gov", secret);

        assertThat(BaseEncoding.base32().omitPadding().decode(secret)).hasSize(20);
        assertThat(uri).isEqualTo("otpauth://totp/Secure%20messaging:jane%40example.gov?secret=" + secret
            + "&issuer=Secure%20messaging&algorithm=SHA1&digits=6&period=30");
        assertThat(Totp.grouped(secret)).matches("([A-Z2-7]{4} ){7}[A-Z2-7]{4}");
    }

    @Test
    void qrCodeShouldBeAnSvgWithoutScriptOrExternalReference() {
        String svg = QrCodeSvg.of(Totp.uri("Secure messaging", "jane@example.gov", Totp.newSecret(new SecureRandom())));

        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").contains("<path fill=\"#000\" d=\"M")
            .doesNotContain("<script", "href", "style");
    }
}
