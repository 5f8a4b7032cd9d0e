package org.smg.gateway.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The CSRF token of a session: 256 random bits, sent in a hidden field of every form and compared
 * in constant time with the session's own when the form comes back. The session cookie is
 * SameSite=Strict as well; the token also covers browsers that ignore SameSite.
 */
final class CsrfToken {
    static final String FIELD = "csrf";
    private static final int BYTES = 32;

    private CsrfToken() {
    }

    static String newToken(SecureRandom random) {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether the form's token is the session's; false for a missing token. */
    static boolean matches(String expected, String sent) {
        if (expected == null || sent == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), sent.getBytes(StandardCharsets.UTF_8));
    }
}
