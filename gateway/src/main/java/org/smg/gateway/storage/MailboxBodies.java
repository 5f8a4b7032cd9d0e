package org.smg.gateway.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import javax.inject.Inject;
import javax.sql.DataSource;

/**
 * Mailbox message bodies in their own table of streamed BLOBs, keyed like James's message rows
 * ({@code JAMES_MAIL}: mailbox id and uid). James 3.8.1's JPA message keeps its body in a
 * {@code byte[]} (read whole at append, twice its size at peak, and whole again at every FETCH);
 * here a body goes in with {@code setBinaryStream} and comes out as a stream.
 *
 * <p>The foreign key cascades James's deletions (EXPUNGE, MOVE, a deleted mailbox or account) to
 * the bodies in the same transaction, whichever of James's queries deletes the rows.
 *
 * <p>A body is read out of the database into memory when small, otherwise into an
 * {@link EncryptedTemporaryFile}: a BLOB stream lives only as long as its connection's
 * transaction, and IMAP writes a literal after the mailbox call returned.
 */
public final class MailboxBodies {
    static final String TABLE = "SMG_MAIL_BODY";
    /** Bodies up to this size are read into memory; larger ones into an encrypted temporary file. */
    static final int IN_MEMORY = 1024 * 1024;

    private final DataSource dataSource;

    @Inject
    public MailboxBodies(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Creates the table when missing; James's {@code JAMES_MAIL} must exist. */
    public void createTable() throws SQLException {
        Tables.createIfMissing(dataSource, TABLE,
            "CREATE TABLE " + TABLE + " (MAILBOX_ID BIGINT NOT NULL, MAIL_UID BIGINT NOT NULL, BODY BLOB(2G) NOT NULL,"
                + " PRIMARY KEY (MAILBOX_ID, MAIL_UID),"
                + " FOREIGN KEY (MAILBOX_ID, MAIL_UID) REFERENCES JAMES_MAIL (MAILBOX_ID, MAIL_UID) ON DELETE CASCADE)");
    }

    /** Stores a body on {@code connection}, in its transaction; James's row must already be written (flushed). */
    void insert(Connection connection, long mailboxId, long uid, InputStream body) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
            "INSERT INTO " + TABLE + " (MAILBOX_ID, MAIL_UID, BODY) VALUES (?, ?, ?)")) {
            insert.setLong(1, mailboxId);
            insert.setLong(2, uid);
            insert.setBinaryStream(3, body);
            insert.executeUpdate();
        }
    }

    /** Copies a body inside the database (COPY, MOVE), on {@code connection} in its transaction; nothing when the original has none. */
    void copy(Connection connection, long fromMailbox, long fromUid, long toMailbox, long toUid) throws SQLException {
        try (PreparedStatement copy = connection.prepareStatement(
            "INSERT INTO " + TABLE + " (MAILBOX_ID, MAIL_UID, BODY) SELECT ?, ?, BODY FROM " + TABLE
                + " WHERE MAILBOX_ID = ? AND MAIL_UID = ?")) {
            copy.setLong(1, toMailbox);
            copy.setLong(2, toUid);
            copy.setLong(3, fromMailbox);
            copy.setLong(4, fromUid);
            copy.executeUpdate();
        }
    }

    /** The stored body, copied out of the database; empty for a message whose body is in James's own row. */
    Optional<Body> read(long mailboxId, long uid) throws IOException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                 "SELECT BODY FROM " + TABLE + " WHERE MAILBOX_ID = ? AND MAIL_UID = ?")) {
            select.setLong(1, mailboxId);
            select.setLong(2, uid);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                try (InputStream in = row.getBinaryStream(1)) {
                    return Optional.of(Body.copyOf(in));
                }
            }
        } catch (SQLException e) {
            throw new IOException("cannot read the body of message " + uid + " in mailbox " + mailboxId, e);
        }
    }

    /** A body read out of the database; readable any number of times. */
    static final class Body {
        private final byte[] small;
        private final EncryptedTemporaryFile large;

        private Body(byte[] small, EncryptedTemporaryFile large) {
            this.small = small;
            this.large = large;
        }

        static Body copyOf(InputStream in) throws IOException {
            byte[] head = in.readNBytes(IN_MEMORY + 1);
            if (head.length <= IN_MEMORY) {
                return new Body(head, null);
            }
            // Deleted when this body is garbage collected (EncryptedTemporaryFile's cleaner).
            EncryptedTemporaryFile file = EncryptedTemporaryFile.create("mailbox-body-");
            try (OutputStream out = file.writer()) {
                out.write(head);
                in.transferTo(out);
            } catch (IOException | RuntimeException e) {
                file.close();
                throw e;
            }
            return new Body(null, file);
        }

        InputStream open() throws IOException {
            if (small != null) {
                return new ByteArrayInputStream(small);
            }
            return large.open();
        }
    }
}
