package org.smg.gateway.secondfactor;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;

import javax.crypto.spec.SecretKeySpec;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import com.google.common.io.BaseEncoding;

/**
 * RFC 6238 time-based one-time passwords as every authenticator app computes them: HMAC-SHA-1,
 * 30-second steps, 6 digits, a 160-bit secret shown in Base32. A code is accepted for the current
 * step and one step either side (clocks drift); which step matched is returned, so that the caller
 * can refuse a code of a step already used.
 */
public final class Totp {
    static final Duration STEP = Duration.ofSeconds(30);
    static final int DIGITS = 6;
    /** Steps accepted before and after the current one. */
    static final int SKEW = 1;
    private static final int SECRET_BYTES = 20;
    private static final BaseEncoding BASE32 = BaseEncoding.base32().omitPadding();

    private final TimeBasedOneTimePasswordGenerator generator =
        new TimeBasedOneTimePasswordGenerator(STEP, DIGITS, TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1);

    /** A new random secret, in Base32 without padding (32 characters), as authenticator apps take it. */
    public static String newSecret(SecureRandom random) {
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        return BASE32.encode(secret);
    }

    /** The secret in groups of four for typing it by hand. */
    public static String grouped(String secret) {
        return String.join(" ", secret.split("(?<=\\G.{4})"));
    }

    /** The {@code otpauth://} URI of the key format authenticator apps read from a QR code. */
    public static String uri(String issuer, String account, String secret) {
        String label = encode(issuer) + ":" + encode(account);
        return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + encode(issuer) + "&algorithm=SHA1&digits=" + DIGITS
            + "&period=" + STEP.toSeconds();
    }

    /** The time step of an instant: whole 30-second periods since the epoch. */
    public static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP.toSeconds());
    }

    /** True for six ASCII digits: the shape of a code, as opposed to a recovery code. */
    public static boolean looksLikeCode(String input) {
        return input.length() == DIGITS && input.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** The code of the step that contains {@code at}. */
    public String code(String secret, Instant at) {
        try {
            return generator.generateOneTimePasswordString(key(secret), at, Locale.ROOT);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("an HMAC-SHA1 key of 20 bytes is always valid", e);
        }
    }

    /** The step within the window around {@code now} whose code is {@code code}, if any; compared in constant time. */
    public OptionalLong matchingStep(String secret, String code, Instant now) {
        if (!looksLikeCode(code)) {
            return OptionalLong.empty();
        }
        long current = step(now);
        OptionalLong matched = OptionalLong.empty();
        for (long step = current - SKEW; step <= current + SKEW; step++) {
            String expected = code(secret, Instant.ofEpochSecond(step * STEP.toSeconds()));
            if (MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), code.getBytes(StandardCharsets.US_ASCII))) {
                matched = OptionalLong.of(step);
            }
        }
        return matched;
    }

    private static Key key(String secret) {
        return new SecretKeySpec(BASE32.decode(secret), "HmacSHA1");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
