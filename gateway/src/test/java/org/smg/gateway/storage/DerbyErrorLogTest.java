package org.smg.gateway.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smg.gateway.secrets.Secret;

class DerbyErrorLogTest {
    private static final Secret SECRET = Secret.of("a-test-secret-of-32-chars-......");
    private static final String DUPLICATE_KEY = "23505";

    @TempDir
    Path directory;

    /**
     * Derby reads its error stream settings once, when its engine boots, and another test of this
     * JVM may have booted it first: boot it again on the gateway's settings.
     */
    @BeforeEach
    void restartDerbyEngine() throws Exception {
        try {
            DriverManager.getConnection("jdbc:derby:;shutdown=true").close();
        } catch (SQLException expected) {
            // XJ015 reports a clean engine shutdown
        }
        EncryptedDerbyDatabase.configureDerbyLog(directory.resolve("data"));
        // A shut down engine deregisters its driver; a new EmbeddedDriver boots the engine and registers again.
        Class.forName("org.apache.derby.jdbc.EmbeddedDriver").getConstructor().newInstance();
    }

    @Test
    void derbyShouldLogNeitherStatementNorParametersWhenAStatementWithParametersFails() throws Exception {
        String canary = "CANARY-" + UUID.randomUUID();
        Path dataDirectory = directory.resolve("data");
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        PrintStream originalStderr = System.err;
        // Report every error, statement errors included, as an operator chasing a problem might configure Derby.
        System.setProperty("derby.stream.error.logSeverityLevel", "0");
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        SQLException failure;
        try (EncryptedDerbyDatabase database = EncryptedDerbyDatabase.open(dataDirectory.resolve("db"), SECRET);
             Connection connection = database.dataSource().getConnection()) {
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("CREATE TABLE SCRATCH (ID INT PRIMARY KEY, NOTE VARCHAR(200))");
                statement.executeUpdate("INSERT INTO SCRATCH VALUES (1, 'first')");
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO SCRATCH VALUES (?, ?)")) {
                insert.setInt(1, 1);
                insert.setString(2, canary);
                failure = org.assertj.core.api.Assertions.catchThrowableOfType(insert::executeUpdate, SQLException.class);
            }
        } finally {
            System.setErr(originalStderr);
            System.clearProperty("derby.stream.error.logSeverityLevel");
        }

        assertThat((Throwable) failure).as("the duplicate insert failed").isNotNull();
        assertThat(failure.getSQLState()).isEqualTo(DUPLICATE_KEY);
        Path log = dataDirectory.resolve("derby.log");
        assertThat(log).content().as("Derby reported the failed statement").contains(DerbyErrorLog.WITHHELD);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log))).isEqualTo("rw-------");
        assertThat(filesContaining(directory, canary)).isEmpty();
        assertThat(stderr.toString(StandardCharsets.UTF_8)).doesNotContain(canary);
        Path workingDirectoryLog = Path.of("derby.log");
        if (Files.exists(workingDirectoryLog)) {
            assertThat(workingDirectoryLog).content().doesNotContain(canary);
        }
    }

    @Test
    void openShouldCreateTheDatabaseDirectoryPrivateToItsOwner() throws Exception {
        Path db = directory.resolve("data/db");

        EncryptedDerbyDatabase.open(db, SECRET).close();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(db))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(db.resolve("service.properties"))))
            .isEqualTo("rw-------");
    }

    @Test
    void redactShouldDropEverythingFromTheFailedStatementOnWhenDerbyReportsOne() {
        String block = "2026-11-30 Thread[main] (XID = 1), (SESSIONID = 1), Failed Statement is: INSERT INTO T VALUES (?)"
            + " with 1 parameters begin parameter #1: secret value\nwith a line break :end parameter \n"
            + "ERROR 22001: A truncation error was encountered trying to shrink VARCHAR 'secret value'\n\tat org.apache.derby...\n";

        String redacted = DerbyErrorLog.redact(block);

        assertThat(redacted).startsWith("2026-11-30 Thread[main] (XID = 1), (SESSIONID = 1), ")
            .contains(DerbyErrorLog.WITHHELD)
            .doesNotContain("secret value", "INSERT", "22001");
    }

    @Test
    void redactShouldKeepABlockWithoutFailedStatement() {
        String block = "Booting Derby version 10.16 on database directory /data/db\n";

        assertThat(DerbyErrorLog.redact(block)).isEqualTo(block);
    }

    private static List<Path> filesContaining(Path root, String text) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                .filter(file -> new String(read(file), StandardCharsets.ISO_8859_1).contains(text))
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
}
