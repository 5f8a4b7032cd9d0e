package org.smg.gateway.secondfactor;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * The secrets the gateway makes up for people to type: app passwords and recovery codes, from the
 * 32 characters of Crockford's Base32 in lower case (no i, l, o, u to misread), in groups joined
 * by '-'. What a person types back is normalized first: case, spaces and dashes do not matter.
 */
public final class GeneratedSecrets {
    static final String ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
    static final int GROUP = 4;
    /** Groups of an app password: the first is its lookup id (20 bits, stored as is), the other four its secret (80 bits, hashed). */
    static final int APP_PASSWORD_GROUPS = 5;
    /**
     * A recovery code: two groups of five characters, 50 bits; the first two characters find its row,
     * the other 40 bits are hashed (at 0.2 s per guess, far beyond reach); ten of them, each used once,
     * and only after the account's password.
     */
    static final int RECOVERY_CODE_LENGTH = 10;
    static final int RECOVERY_LOOKUP = 2;

    private GeneratedSecrets() {
    }

    /** A new app password, e.g. {@code 7kq2-m9xd-43ta-pw0e-hn6r}. */
    public static String appPassword(SecureRandom random) {
        StringBuilder password = new StringBuilder();
        for (int group = 0; group < APP_PASSWORD_GROUPS; group++) {
            if (group > 0) {
                password.append('-');
            }
            password.append(random(random, GROUP));
        }
        return password.toString();
    }

    /** A new recovery code, e.g. {@code 7kq2m-9xd43}. */
    public static String recoveryCode(SecureRandom random) {
        String code = random(random, RECOVERY_CODE_LENGTH);
        return code.substring(0, RECOVERY_CODE_LENGTH / 2) + "-" + code.substring(RECOVERY_CODE_LENGTH / 2);
    }

    /** Lower case, without spaces and dashes; empty when anything else is not of the alphabet. */
    public static String normalized(String typed) {
        StringBuilder normalized = new StringBuilder();
        for (char c : typed.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '-' || c == ' ') {
                continue;
            }
            if (ALPHABET.indexOf(c) < 0) {
                return "";
            }
            normalized.append(c);
        }
        return normalized.toString();
    }

    /** True when the normalized text has the length of an app password. */
    static boolean isAppPasswordShape(String normalized) {
        return normalized.length() == GROUP * APP_PASSWORD_GROUPS;
    }

    private static String random(SecureRandom random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }
}
