package org.smg.gateway.attachments;

import java.util.Objects;

/** A scanner's verdict on one stream. */
public final class ScanResult {

    /** What the scanner decided. */
    public enum Outcome {
        CLEAN,
        /** A signature matched; the detail names it. */
        INFECTED,
        /** Beyond the scanner's limits (size, archive depth, AlertExceedsMax) or otherwise not fully scanned: never clean. */
        UNSCANNABLE
    }

    private final Outcome outcome;
    private final String detail;

    private ScanResult(Outcome outcome, String detail) {
        this.outcome = outcome;
        this.detail = Objects.requireNonNull(detail, "detail");
    }

    public static ScanResult clean() {
        return new ScanResult(Outcome.CLEAN, "");
    }

    public static ScanResult infected(String signature) {
        return new ScanResult(Outcome.INFECTED, signature);
    }

    public static ScanResult unscannable(String reason) {
        return new ScanResult(Outcome.UNSCANNABLE, reason);
    }

    public Outcome outcome() {
        return outcome;
    }

    /** The signature name (INFECTED) or the reason (UNSCANNABLE); empty when clean. */
    public String detail() {
        return detail;
    }

    public boolean isClean() {
        return outcome == Outcome.CLEAN;
    }

    @Override
    public String toString() {
        return detail.isEmpty() ? outcome.name() : outcome + " (" + detail + ")";
    }
}
