package org.smg.gateway.enrollment;

import java.util.Arrays;
import java.util.Optional;

/** Where an account stands; the word is what WebAdmin, the CLI and the database show. */
public enum AccountState {
    /** Invited, not yet registered: no credentials, no delivery. */
    INVITED("invited"),
    /** Registered: may log in once the current terms are accepted, receives mail. */
    ACTIVE("active"),
    /** Stopped by an administrator: no login, no delivery, mail kept. */
    SUSPENDED("suspended"),
    /** Returned to paper correspondence: no login, no delivery, mail kept; a new invitation reactivates. */
    OPTED_OUT("opted-out");

    private final String word;

    AccountState(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    public static Optional<AccountState> fromWord(String word) {
        return Arrays.stream(values()).filter(state -> state.word.equals(word)).findFirst();
    }
}
