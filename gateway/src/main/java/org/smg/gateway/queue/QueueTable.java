package org.smg.gateway.queue;

import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

/**
 * SQL access to the queue table in the encrypted database. One row per queued mail; a row is
 * deleted only once the mail has been fully processed, which is what makes queued mail survive
 * a crash.
 */
final class QueueTable {
    static final String TABLE = "SMG_MAIL_QUEUE";
    private static final int INSERT_ATTEMPTS = 3;

    /** One stored row, as read back. */
    static final class Row {
        final long id;
        final String name;
        final String sender;
        final String recipients;
        final String envelope;
        final byte[] message;
        final long nextDelivery;
        final int deliveries;

        Row(long id, String name, String sender, String recipients, String envelope, byte[] message, long nextDelivery, int deliveries) {
            this.id = id;
            this.name = name;
            this.sender = sender;
            this.recipients = recipients;
            this.envelope = envelope;
            this.message = message;
            this.nextDelivery = nextDelivery;
            this.deliveries = deliveries;
        }
    }

    private final DataSource dataSource;

    QueueTable(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void createIfMissing() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             ResultSet tables = connection.getMetaData().getTables(null, null, TABLE, null)) {
            if (tables.next()) {
                return;
            }
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("CREATE TABLE " + TABLE + " ("
                    + "ID BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
                    + "QUEUE_NAME VARCHAR(255) NOT NULL, "
                    + "MAIL_NAME VARCHAR(1024) NOT NULL, "
                    + "SENDER VARCHAR(1024) NOT NULL, "
                    + "RECIPIENTS CLOB NOT NULL, "
                    + "ENVELOPE CLOB NOT NULL, "
                    + "MESSAGE BLOB NOT NULL, "
                    + "NEXT_DELIVERY BIGINT NOT NULL, "
                    + "DELIVERIES INT NOT NULL DEFAULT 0)");
                statement.executeUpdate("CREATE INDEX SMG_MAIL_QUEUE_READY ON " + TABLE + " (QUEUE_NAME, NEXT_DELIVERY, ID)");
            }
        }
    }

    /** Commits one mail; a lock timeout or deadlock under load is retried, since the caller is waiting to answer 250. */
    void insert(String queue, MailCodec.Encoded mail, long nextDelivery) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                insertOnce(queue, mail, nextDelivery);
                return;
            } catch (SQLException e) {
                if (attempt >= INSERT_ATTEMPTS || !isTransient(e)) {
                    throw e;
                }
            }
        }
    }

    private void insertOnce(String queue, MailCodec.Encoded mail, long nextDelivery) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TABLE
                 + " (QUEUE_NAME, MAIL_NAME, SENDER, RECIPIENTS, ENVELOPE, MESSAGE, NEXT_DELIVERY) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, queue);
            insert.setString(2, mail.name);
            insert.setString(3, mail.sender);
            insert.setString(4, mail.recipients);
            insert.setString(5, mail.envelope);
            insert.setBinaryStream(6, new ByteArrayInputStream(mail.message), mail.message.length);
            insert.setLong(7, nextDelivery);
            insert.executeUpdate();
        }
    }

    /** Derby's lock timeout (40XL1) and deadlock victim (40001): the same statement may succeed when retried. */
    static boolean isTransient(SQLException e) {
        return "40XL1".equals(e.getSQLState()) || "40001".equals(e.getSQLState());
    }

    /** Ids of mails ready for delivery at {@code now}, oldest first, at most {@code limit}. */
    List<Long> readyIds(String queue, long now, int limit) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT ID FROM " + TABLE
                 + " WHERE QUEUE_NAME = ? AND NEXT_DELIVERY <= ? ORDER BY NEXT_DELIVERY, ID FETCH FIRST " + limit + " ROWS ONLY")) {
            select.setString(1, queue);
            select.setLong(2, now);
            List<Long> ids = new ArrayList<>();
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    ids.add(result.getLong(1));
                }
            }
            return ids;
        }
    }

    Optional<Long> earliestDelivery(String queue) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT MIN(NEXT_DELIVERY) FROM " + TABLE + " WHERE QUEUE_NAME = ?")) {
            select.setString(1, queue);
            try (ResultSet result = select.executeQuery()) {
                result.next();
                long value = result.getLong(1);
                return result.wasNull() ? Optional.empty() : Optional.of(value);
            }
        }
    }

    /** Reads a row and counts this delivery attempt, so a crash mid-delivery is known on restart. */
    Optional<Row> claim(long id) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement update = connection.prepareStatement("UPDATE " + TABLE + " SET DELIVERIES = DELIVERIES + 1 WHERE ID = ?")) {
                update.setLong(1, id);
                if (update.executeUpdate() == 0) {
                    return Optional.empty();
                }
            }
            return select(connection, "ID = ?", id).stream().findFirst()
                .map(row -> new Row(row.id, row.name, row.sender, row.recipients, row.envelope, row.message, row.nextDelivery, row.deliveries - 1));
        }
    }

    List<Row> all(String queue) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return select(connection, "QUEUE_NAME = ? ORDER BY ID", queue);
        }
    }

    void delete(long id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM " + TABLE + " WHERE ID = ?")) {
            delete.setLong(1, id);
            delete.executeUpdate();
        }
    }

    void postpone(long id, long nextDelivery) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE " + TABLE + " SET NEXT_DELIVERY = ? WHERE ID = ?")) {
            update.setLong(1, nextDelivery);
            update.setLong(2, id);
            update.executeUpdate();
        }
    }

    long count(String queue) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM " + TABLE + " WHERE QUEUE_NAME = ?")) {
            select.setString(1, queue);
            try (ResultSet result = select.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    long flush(String queue, long now) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE " + TABLE + " SET NEXT_DELIVERY = ? WHERE QUEUE_NAME = ? AND NEXT_DELIVERY > ?")) {
            update.setLong(1, now);
            update.setString(2, queue);
            update.setLong(3, now);
            return update.executeUpdate();
        }
    }

    long deleteWhere(String queue, String column, String value) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM " + TABLE + " WHERE QUEUE_NAME = ? AND " + column + " = ?")) {
            delete.setString(1, queue);
            delete.setString(2, value);
            return delete.executeUpdate();
        }
    }

    long deleteAll(String queue) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM " + TABLE + " WHERE QUEUE_NAME = ?")) {
            delete.setString(1, queue);
            return delete.executeUpdate();
        }
    }

    Set<String> queueNames() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT DISTINCT QUEUE_NAME FROM " + TABLE)) {
            Set<String> names = new TreeSet<>();
            while (result.next()) {
                names.add(result.getString(1));
            }
            return names;
        }
    }

    private static List<Row> select(Connection connection, String where, Object parameter) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT ID, MAIL_NAME, SENDER, RECIPIENTS, ENVELOPE, MESSAGE, NEXT_DELIVERY, DELIVERIES FROM "
            + TABLE + " WHERE " + where)) {
            select.setObject(1, parameter);
            List<Row> rows = new ArrayList<>();
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(new Row(result.getLong(1), result.getString(2), result.getString(3), result.getString(4),
                        result.getString(5), result.getBytes(6), result.getLong(7), result.getInt(8)));
                }
            }
            return rows;
        }
    }
}
