package org.smg.gateway.secrets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * A secret value (storage boot secret, admin token, demo password).
 *
 * <p>Security guarantees: the value is reachable only through {@link #reveal()}, whose call sites
 * are easy to audit; {@link #toString()} never prints it; {@link #matches(String)} compares in
 * constant time.
 */
public final class Secret {
    private final char[] value;

    private Secret(char[] value) {
        this.value = value.clone();
    }

    public static Secret of(String value) {
        return new Secret(value.toCharArray());
    }

    /** The secret itself. Never log or persist what this returns outside a 0600 secret file. */
    public String reveal() {
        return new String(value);
    }

    /** Constant-time comparison with a candidate, e.g. a token presented by a client. */
    public boolean matches(String candidate) {
        if (candidate == null) {
            return false;
        }
        return MessageDigest.isEqual(
            new String(value).getBytes(StandardCharsets.UTF_8),
            candidate.getBytes(StandardCharsets.UTF_8));
    }

    public int length() {
        return value.length;
    }

    @Override
    public String toString() {
        return "Secret[hidden]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret && MessageDigest.isEqual(
            new String(value).getBytes(StandardCharsets.UTF_8),
            new String(((Secret) other).value).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new int[] {value.length});
    }
}
