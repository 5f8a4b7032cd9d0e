package org.smg.gateway.attachments;

import java.util.Objects;

/**
 * One reason a message is refused: the file it concerns (its name as the sender gave it, or a description such as
 * "the message" when no file is concerned), the reason and a short explanation for the sender. The explanation
 * names types and limits, never content.
 */
public final class Refusal {
    private final String fileName;
    private final RefusalReason reason;
    private final String explanation;

    public Refusal(String fileName, RefusalReason reason, String explanation) {
        this.fileName = Objects.requireNonNull(fileName, "fileName");
        this.reason = Objects.requireNonNull(reason, "reason");
        this.explanation = Objects.requireNonNull(explanation, "explanation");
    }

    public String fileName() {
        return fileName;
    }

    public RefusalReason reason() {
        return reason;
    }

    public String explanation() {
        return explanation;
    }

    /** One line for an SMTP reply or a DSN: {@code "invoice.pdf": explanation}. Control characters are removed. */
    public String describe() {
        return ("\"" + fileName + "\": " + explanation).replaceAll("[\\p{Cntrl}]", " ");
    }

    @Override
    public String toString() {
        return reason.code() + " " + describe();
    }
}
