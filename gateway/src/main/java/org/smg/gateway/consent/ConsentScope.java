package org.smg.gateway.consent;

import java.util.Arrays;
import java.util.Optional;

/** What a representative may do in the citizen's mailbox; the word is what WebAdmin, the CLI and the database show. */
public enum ConsentScope {
    /** Read the citizen's messages; nothing is changed but the \Seen flag, nothing is sent. */
    READ("read"),
    /** Read, and reply on the citizen's behalf. */
    READ_REPLY("read-reply");

    private final String word;

    ConsentScope(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    public static Optional<ConsentScope> fromWord(String word) {
        return Arrays.stream(values()).filter(scope -> scope.word.equals(word)).findFirst();
    }
}
