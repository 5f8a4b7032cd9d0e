package org.smg.gateway.audit;

import java.sql.SQLException;
import java.time.Clock;
import java.util.HexFormat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smg.mailets.audit.AuditAction;
import org.smg.mailets.audit.AuditException;
import org.smg.mailets.audit.AuditSink;

/**
 * The gateway's audit trail: an append-only hash chain in the encrypted database (format in
 * {@link AuditHash}, verification in {@link AuditVerifier}, see docs/audit.md).
 *
 * <p>Appends are serialized by one lock: the sequence number and the previous hash are part of
 * what is hashed, so entry n+1 cannot be computed before entry n is decided. An append returns
 * only once its row is committed; a failed insert leaves the head unchanged and throws.
 *
 * <p>Values are identifiers and outcomes, never content. A value with a control character, a line
 * or paragraph separator, a bidirectional override or an unpaired surrogate is refused, so that
 * no entry can forge another in a log line or an export; values that come from a client (the
 * account name of a failed login) are escaped instead, so that the attempt is still recorded.
 */
public final class AuditTrail implements AuditSink {
    private static final Logger LOGGER = LoggerFactory.getLogger("org.smg.audit");
    private static final int INSERT_ATTEMPTS = 3;
    private static final int CLIENT_VALUE_LENGTH = 320;

    private final AuditTable table;
    private final Clock clock;
    private AuditHead head;

    private AuditTrail(AuditTable table, Clock clock, AuditHead head) {
        this.table = table;
        this.clock = clock;
        this.head = head;
    }

    /** Opens the trail on an existing table, continuing after its last entry. */
    static AuditTrail open(AuditTable table, Clock clock) throws SQLException {
        return new AuditTrail(table, clock, readHead(table));
    }

    private static AuditHead readHead(AuditTable table) throws SQLException {
        return table.last().map(entry -> new AuditHead(entry.sequence(), entry.hash())).orElse(AuditHead.EMPTY);
    }

    @Override
    public void append(String actor, AuditAction action, String objectId, String outcome, String detail) throws AuditException {
        record(actor, action, objectId, outcome, detail);
    }

    /** Appends one entry and returns it as stored. */
    public synchronized AuditEntry record(String actor, AuditAction action, String objectId, String outcome, String detail)
            throws AuditException {
        check("actor", actor, AuditTable.ACTOR_LENGTH, false);
        check("objectId", objectId, AuditTable.OBJECT_ID_LENGTH, false);
        check("outcome", outcome, AuditTable.OUTCOME_LENGTH, false);
        check("detail", detail, AuditTable.DETAIL_LENGTH, true);
        if (action == null) {
            throw new AuditException("audit action is required");
        }
        long sequence = head.sequence() + 1;
        long time = clock.millis();
        byte[] hash = AuditHash.chain(HexFormat.of().parseHex(head.hash()),
            AuditHash.canonical(sequence, time, actor, action.name(), objectId, outcome, detail));
        AuditEntry entry = new AuditEntry(sequence, time, actor, action.name(), objectId, outcome, detail, head.hash(), AuditHash.hex(hash));
        insert(entry);
        head = new AuditHead(sequence, entry.hash());
        LOGGER.debug("audit entry sequence={} action={} object={} outcome={}", sequence, action, objectId, outcome);
        return entry;
    }

    private void insert(AuditEntry entry) throws AuditException {
        for (int attempt = 1; ; attempt++) {
            try {
                table.insert(entry);
                return;
            } catch (SQLException e) {
                if (attempt < INSERT_ATTEMPTS && AuditTable.isTransient(e)) {
                    continue;
                }
                resynchronize();
                throw new AuditException("audit entry " + entry.sequence() + " (" + entry.action() + ") could not be stored: "
                    + e.getMessage(), e);
            }
        }
    }

    /** An insert that failed after reaching the disk must not be followed by a second entry with its sequence number. */
    private void resynchronize() {
        try {
            head = readHead(table);
        } catch (SQLException e) {
            LOGGER.warn("audit head could not be re-read after a failed append: {}", e.getMessage());
        }
    }

    /** A login that succeeded; never the password. Call where the credentials were checked. */
    public void loginSucceeded(LoginProtocol protocol, String account, String clientAddress) throws AuditException {
        String who = fromClient(account);
        record("user:" + who, AuditAction.LOGIN_SUCCEEDED, who, "succeeded", loginDetail(protocol, clientAddress));
    }

    /** A login that failed; the actor is the client, since the account was not proven. Never the password. */
    public void loginFailed(LoginProtocol protocol, String account, String clientAddress) throws AuditException {
        record("client:" + fromClient(clientAddress), AuditAction.LOGIN_FAILED, fromClient(account), "failed",
            loginDetail(protocol, clientAddress));
    }

    /**
     * A login whose password was right but which the account's state refused (terms not accepted,
     * suspended, opted out, no account): recorded as a failed login, the reason in the outcome
     * ({@code refused-<reason>}). The actor is the account, since the password proved it.
     */
    public void loginRefused(LoginProtocol protocol, String account, String clientAddress, String reason) throws AuditException {
        String who = fromClient(account);
        record("user:" + who, AuditAction.LOGIN_FAILED, who, "refused-" + reason, loginDetail(protocol, clientAddress));
    }

    private static String loginDetail(LoginProtocol protocol, String clientAddress) {
        return "protocol=" + protocol.word() + " client=" + fromClient(clientAddress);
    }

    /** The head as it is now: the sequence and hash of the last committed entry. */
    public synchronized AuditHead head() {
        return head;
    }

    AuditTable table() {
        return table;
    }

    private static void check(String field, String value, int maxLength, boolean mayBeEmpty) throws AuditException {
        if (value == null || (!mayBeEmpty && value.isEmpty())) {
            throw new AuditException("audit " + field + " is required");
        }
        if (value.length() > maxLength) {
            throw new AuditException("audit " + field + " is longer than " + maxLength + " characters");
        }
        if (value.codePoints().anyMatch(AuditTrail::forbidden)) {
            throw new AuditException("audit " + field + " contains a control or formatting character");
        }
    }

    /** Characters that could break a log line or a JSON line apart, or make text read differently from how it is stored. */
    public static boolean forbidden(int codePoint) {
        return Character.isISOControl(codePoint)
            || codePoint == 0x2028 || codePoint == 0x2029
            || (codePoint >= 0x202A && codePoint <= 0x202E)
            || (codePoint >= 0x2066 && codePoint <= 0x2069)
            || (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE);
    }

    /** A client's value made safe to record: forbidden characters as {@code \\uXXXX}, at most 320 characters, "-" when absent. */
    public static String fromClient(String value) {
        if (value == null || value.isEmpty()) {
            return "-";
        }
        StringBuilder safe = new StringBuilder();
        value.codePoints().forEach(codePoint -> {
            if (forbidden(codePoint)) {
                safe.append(String.format("\\u%04X", codePoint));
            } else {
                safe.appendCodePoint(codePoint);
            }
        });
        if (safe.length() <= CLIENT_VALUE_LENGTH) {
            return safe.toString();
        }
        int end = Character.isHighSurrogate(safe.charAt(CLIENT_VALUE_LENGTH - 1)) ? CLIENT_VALUE_LENGTH - 1 : CLIENT_VALUE_LENGTH;
        return safe.substring(0, end);
    }
}
