package org.smg.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import org.apache.james.user.jpa.model.JPAUser;
import org.apache.james.user.lib.model.Algorithm;

/**
 * The password hash of the users repository, and a decoy hashed in its place when a login names
 * an unknown account, so that a failure costs the same whether the account exists or not.
 */
public class PasswordHashing {
    /**
     * PBKDF2 with HMAC-SHA512, 210,000 iterations, 512-bit hashes (OWASP 2023 guidance): about
     * 0.2 s of one core per check once the JIT has compiled it.
     */
    public static final String ALGORITHM = "PBKDF2-SHA512-210000-512";

    private final JPAUser decoy;

    /** A decoy account hashed with {@code algorithm}, James's own JPA user code, as real accounts are. */
    PasswordHashing(String algorithm) {
        SecureRandom random = new SecureRandom();
        this.decoy = new JPAUser("decoy-" + random.nextLong(), randomPassword(random), algorithm);
    }

    static PasswordHashing withConfiguredAlgorithm() {
        return new PasswordHashing(ALGORITHM);
    }

    /** Spends the cost of one password check on the decoy; the result is always "no match". */
    boolean checkDecoy(String password) {
        decoy.verifyPassword(password);
        return false;
    }

    /**
     * The hash of a gateway-generated secret (an app password, a recovery code) with its own random
     * salt, by the same algorithm as account passwords, so a stolen table costs an attacker as much.
     */
    public static String hashSecret(String secret, String salt) {
        return hashSecret(ALGORITHM, secret, salt);
    }

    /** {@link #hashSecret(String, String)} with another algorithm: tests use a cheap one. */
    public static String hashSecret(String algorithm, String secret, String salt) {
        return Algorithm.of(algorithm).digest(secret, salt);
    }

    /** Whether {@code secret} hashes to {@code hash} under {@code salt} and {@code algorithm}; compared in constant time. */
    public static boolean secretMatches(String algorithm, String secret, String salt, String hash) {
        return MessageDigest.isEqual(hashSecret(algorithm, secret, salt).getBytes(StandardCharsets.US_ASCII),
            hash.getBytes(StandardCharsets.US_ASCII));
    }

    /** A new random salt for {@link #hashSecret}. */
    public static String newSalt(SecureRandom random) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String randomPassword(SecureRandom random) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
