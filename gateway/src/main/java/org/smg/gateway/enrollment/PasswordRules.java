package org.smg.gateway.enrollment;

import java.util.Locale;
import java.util.Optional;

/** The password rules, stated on every page that sets a password, and checked here. */
public final class PasswordRules {
    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;
    public static final String STATEMENT = "Your password must be " + MIN_LENGTH + " to " + MAX_LENGTH
        + " characters long, must not contain your secure address or your email address, and must use at least 5 different characters."
        + " A phrase of several words is easy to remember and hard to guess.";

    private PasswordRules() {
    }

    /** Why this password is refused, or empty when it follows the rules. */
    public static Optional<String> problem(String password, String address, String email) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("The password is shorter than " + MIN_LENGTH + " characters.");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("The password is longer than " + MAX_LENGTH + " characters.");
        }
        if (password.codePoints().anyMatch(Character::isISOControl)) {
            return Optional.of("The password contains a control character.");
        }
        if (password.codePoints().distinct().count() < 5) {
            return Optional.of("The password uses fewer than 5 different characters.");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        for (String personal : new String[] {localPart(address), localPart(email)}) {
            if (personal.length() >= 3 && lower.contains(personal)) {
                return Optional.of("The password contains your address.");
            }
        }
        return Optional.empty();
    }

    private static String localPart(String address) {
        if (address == null) {
            return "";
        }
        int at = address.indexOf('@');
        return (at < 0 ? address : address.substring(0, at)).toLowerCase(Locale.ROOT);
    }
}
