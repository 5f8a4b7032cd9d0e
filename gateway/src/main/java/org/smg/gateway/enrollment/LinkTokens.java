package org.smg.gateway.enrollment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Tokens of single-use links: 256 random bits, URL-safe Base64 (43 characters). Only a SHA-256
 * of the token is stored: with that much entropy a fast hash is enough, and a stolen table holds
 * no usable link.
 */
public final class LinkTokens {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern SYNTAX = Pattern.compile("[A-Za-z0-9_-]{43}");

    private LinkTokens() {
    }

    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A public id for administrators: 96 random bits, URL-safe, unrelated to the token. */
    public static String newId() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** False for anything that cannot be a token, so a garbage URL is refused without a database read. */
    public static boolean looksLikeToken(String candidate) {
        return candidate != null && SYNTAX.matcher(candidate).matches();
    }

    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
