package org.smg.gateway.audit;

import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Walks the trail in sequence order, one row at a time, and recomputes every hash from the
 * genesis value. The first entry that is not where the chain says it must be is named:
 * <ul>
 * <li>a missing sequence number (a row deleted from the middle, or renumbered) names the number
 *     that is missing;</li>
 * <li>a row whose fields were edited, whose previous hash does not link, or whose stored hash is
 *     not the recomputed one is named by its own sequence number.</li>
 * </ul>
 * Deleting the last rows leaves a shorter chain that is still consistent: only a head recorded
 * elsewhere shows it. Given such an anchor (the {@code audit head} log line), the verifier also
 * checks that the anchor's entry is present with the logged hash, and reports the last sequence
 * present when the chain stops before it.
 */
public final class AuditVerifier {
    private final AuditTable table;

    AuditVerifier(AuditTable table) {
        this.table = table;
    }

    public AuditVerification verify(Optional<AuditHead> anchor) throws SQLException {
        Walk walk = new Walk(anchor);
        table.forEachInSequence(walk::step);
        if (walk.firstBad != null) {
            return AuditVerification.badAt(walk.firstBad);
        }
        if (anchor.isPresent() && walk.lastSequence < anchor.get().sequence()) {
            return AuditVerification.cutAfter(walk.lastSequence);
        }
        return AuditVerification.intact();
    }

    private static final class Walk {
        private final Optional<AuditHead> anchor;
        private byte[] previousHash = AuditHash.GENESIS;
        private long lastSequence;
        private Long firstBad;

        Walk(Optional<AuditHead> anchor) {
            this.anchor = anchor;
        }

        boolean step(AuditEntry entry) {
            long expected = lastSequence + 1;
            if (entry.sequence() != expected) {
                firstBad = expected;
                return false;
            }
            if (!linksTo(entry) || anchor.filter(head -> head.sequence() == expected && !head.hash().equals(entry.hash())).isPresent()) {
                firstBad = expected;
                return false;
            }
            previousHash = HexFormat.of().parseHex(entry.hash());
            lastSequence = expected;
            return true;
        }

        private boolean linksTo(AuditEntry entry) {
            if (entry.actor() == null || entry.action() == null || entry.objectId() == null || entry.outcome() == null
                || entry.detail() == null || entry.prevHash() == null || entry.hash() == null) {
                return false;
            }
            String recomputed = AuditHash.hex(AuditHash.chain(previousHash, AuditHash.canonical(entry)));
            return entry.prevHash().equals(AuditHash.hex(previousHash)) && recomputed.equals(entry.hash());
        }
    }
}
