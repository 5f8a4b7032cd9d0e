package org.smg.gateway.audit;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last entry of the trail, as {@code sequence:hash}: logged at start, hourly and at stop, and
 * accepted by the verifier as an anchor. Sequence 0 with the genesis hash is the empty trail.
 */
public record AuditHead(long sequence, String hash) {
    private static final Pattern FORMAT = Pattern.compile("([0-9]{1,18}):([0-9a-fA-F]{64})");

    static final AuditHead EMPTY = new AuditHead(0, AuditHash.hex(AuditHash.GENESIS));

    /** Parses {@code <sequence>:<64 hex digits>} as logged; throws with what is expected otherwise. */
    public static AuditHead parse(String text) {
        Matcher matcher = FORMAT.matcher(text == null ? "" : text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("an audit head is <sequence>:<SHA-256 hash in 64 hex digits>, as logged in 'audit head' lines");
        }
        return new AuditHead(Long.parseLong(matcher.group(1)), matcher.group(2).toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return sequence + ":" + hash;
    }
}
