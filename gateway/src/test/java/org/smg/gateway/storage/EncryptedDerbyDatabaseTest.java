package org.smg.gateway.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smg.gateway.secrets.Secret;

class EncryptedDerbyDatabaseTest {
    private static final Secret SECRET = Secret.of("a-test-secret-of-32-chars-......");
    private static final String OTHER_SECRET_TEXT = "another-secret-of-32-chars-.....";

    @TempDir
    Path directory;

    @Test
    void openShouldSayTheSecretDoesNotOpenTheDatabaseWhenSecretIsWrong() throws Exception {
        Path db = directory.resolve("db");
        EncryptedDerbyDatabase.open(db, SECRET).close();

        Throwable refusal = org.assertj.core.api.Assertions.catchThrowable(() -> EncryptedDerbyDatabase.open(db, Secret.of(OTHER_SECRET_TEXT)));

        assertThat(refusal).isInstanceOf(StorageException.class)
            .hasMessageContaining("the storage secret does not open the database");
        assertThat(stackTrace(refusal)).doesNotContain(OTHER_SECRET_TEXT).doesNotContain(SECRET.reveal());
    }

    @Test
    void openShouldReopenTheDatabaseWhenSecretIsRight() throws Exception {
        Path db = directory.resolve("db");
        String value = "kept-" + UUID.randomUUID();
        try (EncryptedDerbyDatabase database = EncryptedDerbyDatabase.open(db, SECRET)) {
            insert(database.dataSource(), value);
        }

        try (EncryptedDerbyDatabase database = EncryptedDerbyDatabase.open(db, Secret.of(SECRET.reveal()))) {
            assertThat(values(database.dataSource())).containsExactly(value);
        }
    }

    @Test
    void databaseFilesShouldNotContainInsertedTextOrTheSecretWhenDatabaseIsClosed() throws Exception {
        String token = "PLAINTEXT-" + UUID.randomUUID();
        Path db = directory.resolve("db");

        try (EncryptedDerbyDatabase database = EncryptedDerbyDatabase.open(db, SECRET)) {
            insert(database.dataSource(), token);
        }

        assertThat(filesContaining(directory, token)).isEmpty();
        assertThat(filesContaining(directory, SECRET.reveal())).isEmpty();
    }

    @Test
    void openShouldRefuseTheDatabaseWhenItIsNotEncrypted() throws Exception {
        String token = "PLAINTEXT-" + UUID.randomUUID();
        Path plain = directory.resolve("plain");
        try (Connection connection = DriverManager.getConnection("jdbc:derby:" + plain + ";create=true")) {
            insertWith(connection, token);
        }
        shutdown(plain);

        // the scan used above finds what an unencrypted database leaves on disk...
        assertThat(filesContaining(plain, token)).isNotEmpty();
        // ...and such a database is never used for mail
        assertThatThrownBy(() -> EncryptedDerbyDatabase.open(plain, SECRET))
            .isInstanceOf(StorageException.class)
            .hasMessageContaining("is not AES-256 encrypted");
    }

    private static void insert(DataSource dataSource, String value) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            insertWith(connection, value);
        }
    }

    private static void insertWith(Connection connection, String value) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("CREATE TABLE PROBE (TEXT VARCHAR(200))");
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO PROBE VALUES (?)")) {
            insert.setString(1, value);
            insert.executeUpdate();
        }
    }

    private static List<String> values(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             java.sql.ResultSet result = statement.executeQuery("SELECT TEXT FROM PROBE")) {
            List<String> values = new java.util.ArrayList<>();
            while (result.next()) {
                values.add(result.getString(1));
            }
            return values;
        }
    }

    private static void shutdown(Path database) {
        try {
            DriverManager.getConnection("jdbc:derby:" + database + ";shutdown=true").close();
        } catch (SQLException expected) {
            // Derby reports a clean shutdown as an exception (08006)
        }
    }

    private static List<Path> filesContaining(Path root, String text) throws IOException {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                .filter(file -> contains(read(file), needle))
                .collect(Collectors.toList());
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static String stackTrace(Throwable error) {
        StringWriter text = new StringWriter();
        error.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
