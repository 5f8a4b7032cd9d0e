package org.smg.gateway.records;

import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;
import javax.sql.DataSource;

import org.smg.gateway.storage.BlobStream;
import org.smg.gateway.storage.Tables;
import org.smg.gateway.storage.Transactions;

/**
 * The records store: a copy of every delivered message, kept in the encrypted database
 * ({@code SMG_RECORD}) whatever the citizen later does in their mailbox. James's mailbox rows and
 * {@code SMG_MAIL_BODY} follow IMAP EXPUNGE; these rows follow only the retention and the holds.
 *
 * <p>The message goes in as a stream ({@link DeliveredBytes} into a BLOB) and comes out as one
 * ({@link BlobStream}); listing and disposal select the metadata columns only, on indexes by
 * account, program, direction, date and hold, so a listing of 100,000 records reads no body.
 *
 * <p>Holds live in {@code SMG_RECORD_HOLD} (one row per held account or program); each record's
 * {@code HELD} column mirrors them, set in the same transaction as the hold changes, and disposal
 * checks both.
 */
public final class RecordStore {
    static final String TABLE = "SMG_RECORD";
    static final String HOLDS = "SMG_RECORD_HOLD";
    static final int MAX_MESSAGE_ID = 250;
    private static final String METADATA =
        "ID, ACCOUNT, PROGRAM, DIRECTION, DELIVERED_MS, SIZE_BYTES, MESSAGE_ID, SENDER, RECIPIENT, HELD";
    private static final String NOT_HELD = " AND HELD = FALSE"
        + " AND NOT EXISTS (SELECT 1 FROM " + HOLDS + " H WHERE H.KIND = 'account' AND H.NAME = " + TABLE + ".ACCOUNT)"
        + " AND NOT EXISTS (SELECT 1 FROM " + HOLDS + " H WHERE H.KIND = 'program' AND H.NAME = " + TABLE + ".PROGRAM)";

    private static final String DELIVERY_ID_COLUMN = "DELIVERY_ID VARCHAR(" + MAX_MESSAGE_ID + ") NOT NULL DEFAULT ''";
    private static final String DELIVERY_ID_INDEX = "CREATE INDEX SMG_RECORD_DELIVERY ON " + TABLE + " (ACCOUNT, DELIVERY_ID)";

    private final DataSource dataSource;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public RecordStore(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    public void createIfMissing() throws SQLException {
        Tables.createIfMissing(dataSource, HOLDS,
            "CREATE TABLE " + HOLDS + " (KIND VARCHAR(8) NOT NULL, NAME VARCHAR(320) NOT NULL, PLACED_MS BIGINT NOT NULL,"
                + " PLACED_BY VARCHAR(512) NOT NULL, PRIMARY KEY (KIND, NAME))");
        Tables.createIfMissing(dataSource, TABLE,
            "CREATE TABLE " + TABLE + " ("
                + "ID VARCHAR(32) NOT NULL PRIMARY KEY, "
                + "ACCOUNT VARCHAR(320) NOT NULL, "
                + "PROGRAM VARCHAR(16) NOT NULL, "
                + "DIRECTION VARCHAR(3) NOT NULL, "
                + "DELIVERED_MS BIGINT NOT NULL, "
                + "SIZE_BYTES BIGINT NOT NULL, "
                + "MESSAGE_ID VARCHAR(" + MAX_MESSAGE_ID + ") NOT NULL, "
                + "SENDER VARCHAR(1024) NOT NULL, "
                + "RECIPIENT VARCHAR(4000) NOT NULL, "
                + "HELD BOOLEAN NOT NULL, "
                + "MESSAGE BLOB(2G) NOT NULL, "
                + DELIVERY_ID_COLUMN + ")",
            "CREATE INDEX SMG_RECORD_ACCOUNT ON " + TABLE + " (ACCOUNT, DELIVERED_MS)",
            "CREATE INDEX SMG_RECORD_PROGRAM ON " + TABLE + " (PROGRAM, DELIVERED_MS)",
            "CREATE INDEX SMG_RECORD_DIRECTION ON " + TABLE + " (DIRECTION, DELIVERED_MS)",
            "CREATE INDEX SMG_RECORD_HELD ON " + TABLE + " (HELD, DELIVERED_MS)",
            "CREATE INDEX SMG_RECORD_MESSAGE_ID ON " + TABLE + " (MESSAGE_ID)",
            DELIVERY_ID_INDEX);
        // A table made before records carried the delivery id gets the column; its older rows have none ('').
        Tables.addColumnIfMissing(dataSource, TABLE, "DELIVERY_ID", "ALTER TABLE " + TABLE + " ADD COLUMN " + DELIVERY_ID_COLUMN,
            DELIVERY_ID_INDEX);
    }

    /**
     * Keeps a copy of a delivered message; the message is streamed into the database as it is written.
     *
     * @return the new record's metadata
     */
    public MessageRecord keep(String account, String program, RecordDirection direction, String sender, String recipient,
                              MimeMessage message) throws RecordException {
        return keep(account, program, direction, sender, recipient, message, "");
    }

    /**
     * Keeps a copy of a delivered message once per delivery: when {@code deliveryId} (the mail's name,
     * which {@code SkipAlreadyDelivered} stamps) is not empty and this account already has a record of it in
     * this direction, that record is returned and nothing is written. A mail whose delivery failed after its
     * record was kept, and which an administrator releases, so does not get a second record.
     *
     * @return the new record's metadata, or the existing one
     */
    public MessageRecord keep(String account, String program, RecordDirection direction, String sender, String recipient,
                              MimeMessage message, String deliveryId) throws RecordException {
        String normalized = account.toLowerCase(Locale.ROOT);
        String id = newId();
        String messageId = messageId(message);
        long now = clock.millis();
        try (Connection connection = dataSource.getConnection()) {
            // One mail is in one spooler thread at a time: nobody keeps the same delivery in between.
            Optional<MessageRecord> existing = deliveryId.isEmpty() ? Optional.empty()
                : existing(connection, normalized, direction, limit(deliveryId, MAX_MESSAGE_ID));
            if (existing.isPresent()) {
                return existing.get();
            }
            return Transactions.inTransaction(connection, transaction -> write(transaction, id, normalized, program, direction, now,
                messageId, sender, recipient, message, deliveryId));
        } catch (Exception e) {
            throw new RecordException("the record of a message for " + normalized + " could not be kept: " + e.getMessage(), e);
        }
    }

    private MessageRecord write(Connection connection, String id, String normalized, String program, RecordDirection direction, long now,
                                String messageId, String sender, String recipient, MimeMessage message, String deliveryId)
            throws SQLException, IOException, MessagingException {
        try (DeliveredBytes body = DeliveredBytes.of(message, "record-writer-" + id);
             PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TABLE + " (" + METADATA
                 + ", MESSAGE, DELIVERY_ID) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            boolean held = isHeld(connection, normalized, program);
            insert.setString(1, id);
            insert.setString(2, normalized);
            insert.setString(3, program);
            insert.setString(4, direction.word());
            insert.setLong(5, now);
            insert.setLong(6, 0);
            insert.setString(7, messageId);
            insert.setString(8, limit(sender, 1024));
            insert.setString(9, limit(recipient, 4000));
            insert.setBoolean(10, held);
            // Without a length: the driver reads the stream to its end, as the message is written.
            insert.setBinaryStream(11, body);
            insert.setString(12, limit(deliveryId, MAX_MESSAGE_ID));
            insert.executeUpdate();
            long size = body.count();
            try (PreparedStatement update = connection.prepareStatement("UPDATE " + TABLE + " SET SIZE_BYTES = ? WHERE ID = ?")) {
                update.setLong(1, size);
                update.setString(2, id);
                update.executeUpdate();
            }
            return new MessageRecord(id, normalized, program, direction, Instant.ofEpochMilli(now), size, messageId,
                limit(sender, 1024), limit(recipient, 4000), held);
        }
    }

    /** An account's records in delivery order, metadata only; {@code from} inclusive, {@code to} exclusive. */
    public List<MessageRecord> list(String account, Optional<Instant> from, Optional<Instant> to) throws RecordException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT " + METADATA + " FROM " + TABLE
                 + " WHERE ACCOUNT = ? AND DELIVERED_MS >= ? AND DELIVERED_MS < ? ORDER BY DELIVERED_MS, ID")) {
            select.setString(1, account.toLowerCase(Locale.ROOT));
            select.setLong(2, from.map(Instant::toEpochMilli).orElse(Long.MIN_VALUE));
            select.setLong(3, to.map(Instant::toEpochMilli).orElse(Long.MAX_VALUE));
            List<MessageRecord> records = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    records.add(row(rows));
                }
            }
            return records;
        } catch (SQLException e) {
            throw new RecordException("listing the records of " + account + " failed: " + e.getMessage(), e);
        }
    }

    /** One record's metadata; the message is not read. */
    public Optional<MessageRecord> get(String id) throws RecordException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT " + METADATA + " FROM " + TABLE + " WHERE ID = ?")) {
            select.setString(1, id);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(row(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new RecordException("reading record " + id + " failed: " + e.getMessage(), e);
        }
    }

    /** The message exactly as delivered, streamed from the database; close it to free the connection. */
    public Optional<InputStream> content(String id) throws RecordException {
        try {
            return BlobStream.open(dataSource, "SELECT MESSAGE FROM " + TABLE + " WHERE ID = ?", id);
        } catch (SQLException e) {
            throw new RecordException("reading the message of record " + id + " failed: " + e.getMessage(), e);
        }
    }

    /** Places a hold; false when it was already placed. The records it covers are marked held in the same transaction. */
    public boolean placeHold(String kind, String name, String actor) throws RecordException {
        String key = key(kind, name);
        try (Connection pooled = dataSource.getConnection()) {
            return Transactions.inTransaction(pooled, connection -> {
                try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM " + HOLDS + " WHERE KIND = ? AND NAME = ?")) {
                    exists.setString(1, kind);
                    exists.setString(2, key);
                    try (ResultSet rows = exists.executeQuery()) {
                        if (rows.next()) {
                            return false;
                        }
                    }
                }
                try (PreparedStatement insert = connection.prepareStatement(
                         "INSERT INTO " + HOLDS + " (KIND, NAME, PLACED_MS, PLACED_BY) VALUES (?, ?, ?, ?)");
                     PreparedStatement mark = connection.prepareStatement(
                         "UPDATE " + TABLE + " SET HELD = TRUE WHERE " + column(kind) + " = ?")) {
                    insert.setString(1, kind);
                    insert.setString(2, key);
                    insert.setLong(3, clock.millis());
                    insert.setString(4, actor);
                    insert.executeUpdate();
                    mark.setString(1, key);
                    mark.executeUpdate();
                }
                return true;
            });
        } catch (SQLException e) {
            throw new RecordException("placing the hold on " + kind + " " + name + " failed: " + e.getMessage(), e);
        }
    }

    /** Releases a hold; false when there was none. Records still under another hold stay held. */
    public boolean releaseHold(String kind, String name) throws RecordException {
        String key = key(kind, name);
        try (Connection pooled = dataSource.getConnection()) {
            return Transactions.inTransaction(pooled, connection -> {
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + HOLDS + " WHERE KIND = ? AND NAME = ?");
                     PreparedStatement unmark = connection.prepareStatement(
                         "UPDATE " + TABLE + " SET HELD = FALSE WHERE " + column(kind) + " = ?");
                     PreparedStatement remark = connection.prepareStatement("UPDATE " + TABLE + " SET HELD = TRUE WHERE "
                         + column(kind) + " = ? AND (EXISTS (SELECT 1 FROM " + HOLDS + " H WHERE H.KIND = 'account' AND H.NAME = "
                         + TABLE + ".ACCOUNT) OR EXISTS (SELECT 1 FROM " + HOLDS + " H WHERE H.KIND = 'program' AND H.NAME = "
                         + TABLE + ".PROGRAM))")) {
                    delete.setString(1, kind);
                    delete.setString(2, key);
                    if (delete.executeUpdate() == 0) {
                        return false;
                    }
                    unmark.setString(1, key);
                    unmark.executeUpdate();
                    remark.setString(1, key);
                    remark.executeUpdate();
                    return true;
                }
            });
        } catch (SQLException e) {
            throw new RecordException("releasing the hold on " + kind + " " + name + " failed: " + e.getMessage(), e);
        }
    }

    /** Every hold, oldest first. */
    public List<Hold> holds() throws RecordException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                 "SELECT KIND, NAME, PLACED_MS, PLACED_BY FROM " + HOLDS + " ORDER BY PLACED_MS, KIND, NAME");
             ResultSet rows = select.executeQuery()) {
            List<Hold> holds = new ArrayList<>();
            while (rows.next()) {
                holds.add(new Hold(rows.getString(1), rows.getString(2), Instant.ofEpochMilli(rows.getLong(3)), rows.getString(4)));
            }
            return holds;
        } catch (SQLException e) {
            throw new RecordException("listing holds failed: " + e.getMessage(), e);
        }
    }

    /**
     * Records of one program delivered before {@code cutoff} that no hold covers, metadata only, at most {@code limit}.
     * {@code programs} empty means: every program except {@code excluded} (the ones the policy names).
     */
    List<MessageRecord> due(Optional<String> program, List<String> excluded, Instant cutoff, int limit) throws RecordException {
        StringBuilder sql = new StringBuilder("SELECT " + METADATA + " FROM " + TABLE + " WHERE DELIVERED_MS < ?");
        if (program.isPresent()) {
            sql.append(" AND PROGRAM = ?");
        } else if (!excluded.isEmpty()) {
            sql.append(" AND PROGRAM NOT IN (").append(String.join(", ", excluded.stream().map(any -> "?").toList())).append(')');
        }
        sql.append(NOT_HELD).append(" ORDER BY DELIVERED_MS, ID");
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql.toString())) {
            select.setMaxRows(limit);
            int index = 1;
            select.setLong(index++, cutoff.toEpochMilli());
            if (program.isPresent()) {
                select.setString(index, program.get());
            } else {
                for (String name : excluded) {
                    select.setString(index++, name);
                }
            }
            List<MessageRecord> records = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    records.add(row(rows));
                }
            }
            return records;
        } catch (SQLException e) {
            throw new RecordException("finding records due for disposal failed: " + e.getMessage(), e);
        }
    }

    /**
     * Deletes one record unless a hold now covers it, running {@code audit} in the same transaction
     * (a failed audit entry keeps the record). False when it was held meanwhile or already gone.
     */
    boolean dispose(String id, AuditStep audit) throws RecordException {
        try (Connection pooled = dataSource.getConnection()) {
            return Transactions.inTransaction(pooled, connection -> {
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + TABLE + " WHERE ID = ?" + NOT_HELD)) {
                    delete.setString(1, id);
                    if (delete.executeUpdate() == 0) {
                        return false;
                    }
                    audit.run();
                    return true;
                }
            });
        } catch (Exception e) {
            throw new RecordException("disposing of record " + id + " failed: " + e.getMessage(), e);
        }
    }

    /** What runs inside a disposal's transaction, before it commits. */
    interface AuditStep {
        void run() throws Exception;
    }

    private static Optional<MessageRecord> existing(Connection connection, String account, RecordDirection direction,
                                                    String deliveryId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + METADATA + " FROM " + TABLE
            + " WHERE ACCOUNT = ? AND DELIVERY_ID = ? AND DIRECTION = ?")) {
            select.setString(1, account);
            select.setString(2, deliveryId);
            select.setString(3, direction.word());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(row(rows)) : Optional.empty();
            }
        }
    }

    private static boolean isHeld(Connection connection, String account, String program) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM " + HOLDS
            + " WHERE (KIND = 'account' AND NAME = ?) OR (KIND = 'program' AND NAME = ?)")) {
            select.setString(1, account);
            select.setString(2, program);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static String key(String kind, String name) {
        Objects.requireNonNull(name, "name");
        if (Hold.ACCOUNT.equals(kind)) {
            return name.toLowerCase(Locale.ROOT);
        }
        if (Hold.PROGRAM.equals(kind)) {
            return name;
        }
        throw new IllegalArgumentException("a hold is on an account or a program, not " + kind);
    }

    private static String column(String kind) {
        return Hold.ACCOUNT.equals(kind) ? "ACCOUNT" : "PROGRAM";
    }

    private static String messageId(MimeMessage message) throws RecordException {
        try {
            String header = message.getHeader("Message-ID", null);
            return header == null ? "" : limit(header.replaceAll("\\p{Cntrl}", "").strip(), MAX_MESSAGE_ID);
        } catch (MessagingException e) {
            throw new RecordException("the headers of a message to keep cannot be read", e);
        }
    }

    private static String limit(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }

    private String newId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static MessageRecord row(ResultSet rows) throws SQLException {
        return new MessageRecord(rows.getString(1), rows.getString(2), rows.getString(3),
            RecordDirection.fromWord(rows.getString(4)).orElseThrow(() -> new SQLException("unknown direction in " + TABLE)),
            Instant.ofEpochMilli(rows.getLong(5)), rows.getLong(6), rows.getString(7), rows.getString(8), rows.getString(9),
            rows.getBoolean(10));
    }
}
