package org.smg.gateway.records;

import java.util.Arrays;
import java.util.Optional;

/** Which way a recorded message went, as the records table and the admin interface write it. */
public enum RecordDirection {
    /** Staff to citizen: delivered to the citizen's secure INBOX. */
    IN("in"),
    /** Citizen to staff: relayed through the smart host. */
    OUT("out");

    private final String word;

    RecordDirection(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    public static Optional<RecordDirection> fromWord(String word) {
        return Arrays.stream(values()).filter(direction -> direction.word.equals(word)).findFirst();
    }
}
