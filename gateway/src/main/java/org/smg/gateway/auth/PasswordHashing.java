package org.smg.gateway.auth;

import java.security.SecureRandom;
import java.util.Base64;

import org.apache.james.user.jpa.model.JPAUser;

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

    private static String randomPassword(SecureRandom random) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
