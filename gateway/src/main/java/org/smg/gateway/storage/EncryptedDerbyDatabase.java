package org.smg.gateway.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import javax.sql.DataSource;

import org.apache.commons.dbcp2.BasicDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smg.gateway.secrets.Secret;

/**
 * The gateway's one database: embedded Apache Derby, created with Derby's built-in AES-256
 * encryption of data and log files.
 *
 * <p>The boot secret is handed to Derby only once, when the database is booted; later
 * connections from the pool open the already-booted database without it, so the secret never
 * sits in a connection URL, a pool configuration or a log line.
 */
public final class EncryptedDerbyDatabase implements AutoCloseable {
    private static final Logger LOGGER = LoggerFactory.getLogger(EncryptedDerbyDatabase.class);
    private static final String WRONG_BOOT_PASSWORD = "XBM06";
    private static final String SHUTDOWN_OK = "08006";
    private static final int MAX_CONNECTIONS = 32;

    private final Path directory;
    private final BasicDataSource dataSource;

    private EncryptedDerbyDatabase(Path directory, BasicDataSource dataSource) {
        this.directory = directory;
        this.dataSource = dataSource;
    }

    /** Boots (creating on first start) the encrypted database in {@code directory}. */
    public static EncryptedDerbyDatabase open(Path directory, Secret bootSecret) throws StorageException {
        Path absolute = directory.toAbsolutePath().normalize();
        configureDerbyLog(absolute.getParent());
        boolean creating = Files.notExists(absolute);
        try (Connection connection = DriverManager.getConnection(url(absolute), bootProperties(bootSecret, creating))) {
            connection.isValid(1);
        } catch (SQLException e) {
            throw translate(e, absolute);
        }
        assertEncrypted(absolute);
        LOGGER.info("{} encrypted database {}", creating ? "Created" : "Opened", absolute);
        return new EncryptedDerbyDatabase(absolute, pool(absolute));
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Path directory() {
        return directory;
    }

    @Override
    public void close() {
        try {
            dataSource.close();
        } catch (SQLException e) {
            LOGGER.warn("Closing the connection pool failed: {}", e.getMessage());
        }
        try {
            DriverManager.getConnection(url(directory) + ";shutdown=true").close();
        } catch (SQLException e) {
            if (!SHUTDOWN_OK.equals(e.getSQLState())) {
                LOGGER.warn("Derby shutdown of {} reported {}", directory, e.getSQLState());
            }
        }
    }

    private static Properties bootProperties(Secret bootSecret, boolean creating) {
        Properties properties = new Properties();
        properties.setProperty("bootPassword", bootSecret.reveal());
        if (creating) {
            properties.setProperty("create", "true");
            properties.setProperty("dataEncryption", "true");
            properties.setProperty("encryptionAlgorithm", "AES/CBC/NoPadding");
            properties.setProperty("encryptionKeyLength", "256");
        }
        return properties;
    }

    /** Derby records its encryption in service.properties; a database without it is refused. */
    private static void assertEncrypted(Path directory) throws StorageException {
        Properties service = new Properties();
        try (InputStream in = Files.newInputStream(directory.resolve("service.properties"))) {
            service.load(in);
        } catch (IOException e) {
            throw new StorageException("cannot read " + directory.resolve("service.properties") + ": " + e.getMessage(), e);
        }
        if (!"true".equals(service.getProperty("dataEncryption"))
            || !service.getProperty("encryptionKeyLength", "").startsWith("256")) {
            throw new StorageException("database " + directory + " is not AES-256 encrypted; refusing to store mail in it");
        }
    }

    private static StorageException translate(SQLException e, Path directory) {
        if (hasState(e, WRONG_BOOT_PASSWORD)) {
            return new StorageException("the storage secret does not open the database " + directory
                + " (wrong secret file or environment variable?)", e);
        }
        return new StorageException("cannot open the database " + directory + ": " + e.getMessage(), e);
    }

    /** Derby reports the real reason in a chained "next exception" (XJ040, then XBM06), not only as a cause. */
    private static boolean hasState(SQLException error, String sqlState) {
        Deque<Throwable> pending = new ArrayDeque<>(List.of(error));
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        while (!pending.isEmpty()) {
            Throwable current = pending.pop();
            if (!seen.add(current)) {
                continue;
            }
            if (current instanceof SQLException) {
                SQLException sql = (SQLException) current;
                if (sqlState.equals(sql.getSQLState())) {
                    return true;
                }
                Optional.ofNullable(sql.getNextException()).ifPresent(pending::push);
            }
            Optional.ofNullable(current.getCause()).ifPresent(pending::push);
        }
        return false;
    }

    private static BasicDataSource pool(Path directory) {
        BasicDataSource pool = new BasicDataSource();
        pool.setDriverClassName("org.apache.derby.jdbc.EmbeddedDriver");
        pool.setUrl(url(directory));
        pool.setMaxTotal(MAX_CONNECTIONS);
        pool.setDefaultAutoCommit(true);
        return pool;
    }

    /**
     * Derby's diagnostics go to {@code <data>/derby.log} through {@link DerbyErrorLog}, which
     * withholds failed statements; every switch that would print statement text, query plans or
     * lock tables stays off, and Derby creates its files readable by the owner only.
     */
    static void configureDerbyLog(Path dataDirectory) {
        DerbyErrorLog.writeTo(dataDirectory.resolve("derby.log"));
        // Derby prefers derby.stream.error.file (and .style) over .method: neither may be set.
        System.clearProperty("derby.stream.error.style");
        System.clearProperty("derby.stream.error.file");
        System.setProperty("derby.stream.error.method", DerbyErrorLog.class.getName() + ".open");
        System.setProperty("derby.language.logStatementText", "false");
        System.setProperty("derby.language.logQueryPlan", "false");
        System.setProperty("derby.locks.deadlockTrace", "false");
        System.setProperty("derby.locks.monitor", "false");
        System.setProperty("derby.stream.error.logBootTrace", "false");
        // Embedded Derby otherwise creates its files with the process umask.
        System.setProperty("derby.storage.useDefaultFilePermissions", "false");
    }

    private static String url(Path directory) {
        return "jdbc:derby:" + directory;
    }
}
