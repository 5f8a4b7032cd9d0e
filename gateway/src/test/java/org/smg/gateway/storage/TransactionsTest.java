package org.smg.gateway.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smg.gateway.secrets.Secret;

class TransactionsTest {
    @TempDir
    static Path directory;
    private static EncryptedDerbyDatabase database;

    @BeforeAll
    static void open() throws Exception {
        database = EncryptedDerbyDatabase.open(directory.resolve("db"), Secret.of("a-transaction-test-secret-32chrs"));
        Tables.createIfMissing(database.dataSource(), "T", "CREATE TABLE T (V INT)");
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @BeforeEach
    void empty() throws SQLException {
        try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM T");
        }
    }

    @Test
    void inTransactionShouldCommitWhenTheWorkReturns() throws Exception {
        try (Connection connection = database.dataSource().getConnection()) {
            int inserted = Transactions.inTransaction(connection, transaction -> insert(transaction, 1));

            assertThat(inserted).isEqualTo(1);
            assertThat(connection.getAutoCommit()).isTrue();
        }
        assertThat(rows()).isEqualTo(1);
    }

    @Test
    void inTransactionShouldRollBackAndRethrowWhenTheWorkThrows() throws Exception {
        try (Connection connection = database.dataSource().getConnection()) {
            assertThatThrownBy(() -> Transactions.inTransaction(connection, transaction -> {
                insert(transaction, 1);
                throw new IOException("the body could not be read");
            })).isInstanceOf(IOException.class).hasMessage("the body could not be read");

            assertThat(connection.getAutoCommit()).isTrue();
        }
        assertThat(rows()).isZero();
    }

    @Test
    void inTransactionShouldRollBackWhenTheWorkFailsUnchecked() throws Exception {
        try (Connection connection = database.dataSource().getConnection()) {
            assertThatThrownBy(() -> Transactions.inTransaction(connection, transaction -> {
                insert(transaction, 1);
                throw new IllegalStateException("refused");
            })).isInstanceOf(IllegalStateException.class);
        }
        assertThat(rows()).isZero();
    }

    private static int insert(Connection connection, int value) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            return statement.executeUpdate("INSERT INTO T VALUES (" + value + ")");
        }
    }

    private static int rows() throws SQLException {
        try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM T")) {
            count.next();
            return count.getInt(1);
        }
    }
}
