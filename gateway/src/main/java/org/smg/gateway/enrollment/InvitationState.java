package org.smg.gateway.enrollment;

import java.util.Arrays;
import java.util.Optional;

/** Where an invitation or a reset link stands; "expired" is decided from the clock when it is read. */
public enum InvitationState {
    PENDING("pending"),
    USED("used"),
    REVOKED("revoked"),
    EXPIRED("expired"),
    /** Five wrong business identities were typed: nobody can use it any more. */
    LOCKED("locked");

    private final String word;

    InvitationState(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    public static Optional<InvitationState> fromWord(String word) {
        return Arrays.stream(values()).filter(state -> state.word.equals(word)).findFirst();
    }
}
