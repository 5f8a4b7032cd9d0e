package org.smg.gateway.quarantine;

import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;
import javax.sql.DataSource;

import org.apache.james.core.MailAddress;
import org.apache.james.server.core.MailImpl;
import org.apache.james.server.core.MimeMessageWrapper;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smg.gateway.attachments.Refusal;
import org.smg.gateway.attachments.RefusalReason;
import org.smg.gateway.audit.AuditTrail;
import org.smg.gateway.storage.BlobStream;
import org.smg.gateway.storage.Tables;
import org.smg.gateway.storage.Transactions;
import org.smg.mailets.audit.AuditAction;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * Refused mail kept for administrators, in the encrypted database ({@code SMG_QUARANTINE}): the
 * envelope, the refusals and the message, which is written and read as a stream (a BLOB), never
 * copied whole into the heap. Listing and showing read the metadata only.
 *
 * <p>A record is {@link QuarantineState#HELD held} until an administrator releases or deletes it;
 * either removes the message and keeps the metadata with who decided and when, so that the
 * quarantine is also the record of what was refused. Storing a mail appends
 * {@link AuditAction#MAIL_QUARANTINED} before the row is committed: a mail is never in quarantine
 * without its audit entry.
 */
public final class QuarantineStore {
    /** Refused in the SMTP session, before {@code 250}: the sender got the refusal as the SMTP reply. */
    public static final String STAGE_SMTP = "smtp";
    /** Found after the mail was accepted: the sender got a DSN. */
    public static final String STAGE_PIPELINE = "pipeline";
    static final String TABLE = "SMG_QUARANTINE";
    private static final Logger LOGGER = LoggerFactory.getLogger(QuarantineStore.class);
    private static final Set<String> STAGES = Set.of(STAGE_SMTP, STAGE_PIPELINE);
    private static final String SYSTEM_ACTOR = "system";
    private static final String RECIPIENT_SEPARATOR = "\n";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String METADATA = "ID, QUARANTINED_MS, MAIL_NAME, SENDER, RECIPIENTS, REMOTE_ADDRESS, REMOTE_HOST, AUTH_USER,"
        + " STAGE, REFUSALS, SIZE_BYTES, STATE, DECIDED_MS, DECIDED_BY";

    private final DataSource dataSource;
    private final AuditTrail audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public QuarantineStore(DataSource dataSource, AuditTrail audit, Clock clock) {
        this.dataSource = dataSource;
        this.audit = audit;
        this.clock = clock;
    }

    public void createIfMissing() throws SQLException {
        Tables.createIfMissing(dataSource, TABLE,
            "CREATE TABLE " + TABLE + " ("
                + "ID VARCHAR(32) NOT NULL PRIMARY KEY, "
                + "QUARANTINED_MS BIGINT NOT NULL, "
                + "MAIL_NAME VARCHAR(1024) NOT NULL, "
                + "SENDER VARCHAR(1024) NOT NULL, "
                + "RECIPIENTS CLOB NOT NULL, "
                + "REMOTE_ADDRESS VARCHAR(256), "
                + "REMOTE_HOST VARCHAR(1024), "
                + "AUTH_USER VARCHAR(1024), "
                + "STAGE VARCHAR(16) NOT NULL, "
                + "REFUSALS CLOB NOT NULL, "
                + "SIZE_BYTES BIGINT NOT NULL, "
                + "STATE VARCHAR(16) NOT NULL, "
                + "DECIDED_MS BIGINT, "
                + "DECIDED_BY VARCHAR(512), "
                + "MESSAGE BLOB)",
            "CREATE INDEX SMG_QUARANTINE_TIME ON " + TABLE + " (QUARANTINED_MS)");
    }

    /**
     * Keeps a refused mail: its envelope, the refusals and its message (streamed from the mail).
     *
     * @param stage {@link #STAGE_SMTP} or {@link #STAGE_PIPELINE}
     * @return the new record's id (random, URL-safe)
     * @throws QuarantineException when the mail could not be kept; nothing is then stored, and the
     *                             caller must not drop the mail (answer 451 in the session, retry in the pipeline)
     */
    public String put(Mail mail, List<Refusal> refusals, String stage) throws QuarantineException {
        Objects.requireNonNull(mail, "mail");
        if (!STAGES.contains(stage)) {
            throw new IllegalArgumentException("stage must be one of " + STAGES + ", not " + stage);
        }
        if (refusals == null || refusals.isEmpty()) {
            throw new IllegalArgumentException("a quarantined mail needs at least one refusal");
        }
        MimeMessage message;
        try {
            message = mail.getMessage();
        } catch (MessagingException e) {
            throw new QuarantineException("mail " + mail.getName() + " has no readable message", e);
        }
        if (message == null) {
            throw new QuarantineException("mail " + mail.getName() + " has no message");
        }
        String id = newId();
        try (Connection connection = dataSource.getConnection()) {
            long size = Transactions.inTransaction(connection, transaction -> {
                long written = insert(transaction, id, mail, message, refusals, stage);
                audit.record(SYSTEM_ACTOR, AuditAction.MAIL_QUARANTINED, mail.getName(), "quarantined",
                    "id=" + id + " stage=" + stage + " reasons=" + reasons(refusals) + " recipients=" + mail.getRecipients().size()
                        + " size=" + written);
                return written;
            });
            LOGGER.info("mail {} quarantined as {} ({}, {}, {} bytes)", mail.getName(), id, stage, reasons(refusals), size);
            return id;
        } catch (Exception e) {
            throw new QuarantineException("mail " + mail.getName() + " could not be quarantined: " + e.getMessage(), e);
        }
    }

    private long insert(Connection connection, String id, Mail mail, MimeMessage message, List<Refusal> refusals, String stage)
            throws SQLException, IOException {
        try (MessagePipe body = MessagePipe.of(message, "quarantine-writer-" + id);
             PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TABLE + " (" + METADATA
                 + ", MESSAGE) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, id);
            insert.setLong(2, clock.millis());
            insert.setString(3, mail.getName());
            insert.setString(4, mail.getMaybeSender().asString(""));
            insert.setString(5, mail.getRecipients().stream().map(MailAddress::asString).collect(Collectors.joining(RECIPIENT_SEPARATOR)));
            insert.setString(6, mail.getRemoteAddr());
            insert.setString(7, mail.getRemoteHost());
            insert.setString(8, authUser(mail).orElse(null));
            insert.setString(9, stage);
            insert.setString(10, refusalsJson(refusals));
            insert.setLong(11, 0);
            insert.setString(12, QuarantineState.HELD.word());
            insert.setNull(13, Types.BIGINT);
            insert.setNull(14, Types.VARCHAR);
            // Without a length: the driver reads the stream to its end, as the message is written.
            insert.setBinaryStream(15, body);
            insert.executeUpdate();
            long size = body.count();
            try (PreparedStatement update = connection.prepareStatement("UPDATE " + TABLE + " SET SIZE_BYTES = ? WHERE ID = ?")) {
                update.setLong(1, size);
                update.setString(2, id);
                update.executeUpdate();
            }
            return size;
        }
    }

    /** Records, newest first, metadata only. */
    public List<QuarantinedMail> list(QuarantineFilter filter) throws QuarantineException {
        StringBuilder sql = new StringBuilder("SELECT " + METADATA + " FROM " + TABLE + " WHERE QUARANTINED_MS >= ? AND QUARANTINED_MS < ?");
        filter.state().ifPresent(state -> sql.append(" AND STATE = ?"));
        sql.append(" ORDER BY QUARANTINED_MS DESC, ID");
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql.toString())) {
            select.setLong(1, filter.from().map(Instant::toEpochMilli).orElse(Long.MIN_VALUE));
            select.setLong(2, filter.to().map(Instant::toEpochMilli).orElse(Long.MAX_VALUE));
            if (filter.state().isPresent()) {
                select.setString(3, filter.state().get().word());
            }
            List<QuarantinedMail> records = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    QuarantinedMail record = row(rows);
                    if (filter.reason().isEmpty() || record.refusals().stream().anyMatch(refusal -> refusal.reason() == filter.reason().get())) {
                        records.add(record);
                    }
                }
            }
            return records;
        } catch (SQLException e) {
            throw new QuarantineException("listing the quarantine failed: " + e.getMessage(), e);
        }
    }

    /** One record's metadata (the message is not read). */
    public Optional<QuarantinedMail> get(String id) throws QuarantineException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT " + METADATA + " FROM " + TABLE + " WHERE ID = ?")) {
            select.setString(1, id);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(row(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new QuarantineException("reading quarantined mail " + id + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * The stored message as it arrived, streamed from the database; close it to free the connection.
     * Empty when there is no such record or it no longer holds a message (released or deleted).
     */
    public Optional<InputStream> content(String id) throws QuarantineException {
        try {
            return BlobStream.open(dataSource, "SELECT MESSAGE FROM " + TABLE + " WHERE ID = ? AND MESSAGE IS NOT NULL", id);
        } catch (SQLException e) {
            throw new QuarantineException("reading the message of quarantined mail " + id + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * The quarantined mail rebuilt for a re-check or a release: the stored envelope (sender,
     * recipients, remote address and host, the authenticated account) and a message that streams
     * from the database each time it is read. Empty when the record no longer holds a message.
     */
    public Optional<Mail> mail(QuarantinedMail record) throws QuarantineException {
        if (record.state() != QuarantineState.HELD) {
            return Optional.empty();
        }
        try {
            MailImpl.Builder builder = MailImpl.builder()
                .name(record.mailName())
                .sender(record.sender())
                .addRecipients(record.recipients().stream().map(QuarantineStore::address).toList());
            record.remoteAddress().ifPresent(builder::remoteAddr);
            record.remoteHost().ifPresent(builder::remoteHost);
            record.authUser().ifPresent(user -> builder.addAttribute(new Attribute(Mail.SMTP_AUTH_USER, AttributeValue.of(user))));
            MailImpl mail = builder.build();
            // Not the builder's mimeMessage(): MailImpl.setMessage copies the message (to a plain temporary file).
            mail.setMessageNoCopy(new MimeMessageWrapper(new StoredMessageSource(this, record.id(), record.size())));
            return Optional.of(mail);
        } catch (MessagingException | IllegalArgumentException e) {
            throw new QuarantineException("quarantined mail " + record.id() + " cannot be rebuilt: " + e.getMessage(), e);
        }
    }

    /** Marks a held record released by {@code actor} and drops its message; false when it was not held. */
    public boolean markReleased(String id, String actor) throws QuarantineException {
        return decide(id, QuarantineState.RELEASED, actor);
    }

    /** Marks a held record deleted by {@code actor} and drops its message; false when it was not held. */
    public boolean delete(String id, String actor) throws QuarantineException {
        return decide(id, QuarantineState.DELETED, actor);
    }

    private boolean decide(String id, QuarantineState to, String actor) throws QuarantineException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE " + TABLE
                 + " SET STATE = ?, DECIDED_MS = ?, DECIDED_BY = ?, MESSAGE = NULL WHERE ID = ? AND STATE = ?")) {
            update.setString(1, to.word());
            update.setLong(2, clock.millis());
            update.setString(3, actor);
            update.setString(4, id);
            update.setString(5, QuarantineState.HELD.word());
            return update.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new QuarantineException("marking quarantined mail " + id + " " + to.word() + " failed: " + e.getMessage(), e);
        }
    }

    private String newId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String reasons(List<Refusal> refusals) {
        return refusals.stream().map(refusal -> refusal.reason().code()).distinct().collect(Collectors.joining(","));
    }

    private static Optional<String> authUser(Mail mail) {
        return mail.getAttribute(Mail.SMTP_AUTH_USER).map(attribute -> String.valueOf(attribute.getValue().value()));
    }

    private static MailAddress address(String text) {
        try {
            return new MailAddress(text);
        } catch (javax.mail.internet.AddressException e) {
            throw new IllegalArgumentException("stored recipient is not an address", e);
        }
    }

    private static String refusalsJson(List<Refusal> refusals) {
        ArrayNode list = JSON.createArrayNode();
        refusals.forEach(refusal -> list.addObject()
            .put("file", refusal.fileName())
            .put("reason", refusal.reason().code())
            .put("explanation", refusal.explanation()));
        return list.toString();
    }

    private static List<Refusal> refusals(String json) throws SQLException {
        try {
            List<Refusal> refusals = new ArrayList<>();
            for (JsonNode refusal : JSON.readTree(json)) {
                String code = refusal.path("reason").asText();
                RefusalReason reason = Arrays.stream(RefusalReason.values()).filter(candidate -> candidate.code().equals(code)).findFirst()
                    .orElseThrow(() -> new SQLException("unknown refusal reason '" + code + "' in " + TABLE));
                refusals.add(new Refusal(refusal.path("file").asText(), reason, refusal.path("explanation").asText()));
            }
            return refusals;
        } catch (JsonProcessingException e) {
            throw new SQLException("refusals in " + TABLE + " are not JSON", e);
        }
    }

    private static QuarantinedMail row(ResultSet rows) throws SQLException {
        String recipients = rows.getString(5);
        long decided = rows.getLong(13);
        boolean undecided = rows.wasNull();
        return new QuarantinedMail(rows.getString(1), Instant.ofEpochMilli(rows.getLong(2)), rows.getString(3), rows.getString(4),
            recipients.isEmpty() ? List.of() : List.of(recipients.split(RECIPIENT_SEPARATOR)),
            Optional.ofNullable(rows.getString(6)), Optional.ofNullable(rows.getString(7)), Optional.ofNullable(rows.getString(8)),
            rows.getString(9), refusals(rows.getString(10)), rows.getLong(11),
            QuarantineState.fromWord(rows.getString(12)).orElseThrow(() -> new SQLException("unknown quarantine state in " + TABLE)),
            undecided ? Optional.empty() : Optional.of(Instant.ofEpochMilli(decided)), Optional.ofNullable(rows.getString(14)));
    }
}
