package org.smg.gateway.scanner;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smg.gateway.secrets.PrivateDirectories;

/**
 * The clamd the gateway starts itself (scanner.clamd=embedded): a child process in the foreground,
 * configured in a private directory under the data directory with the project's signature database,
 * restarted with a bounded back-off when it dies, stopped when the gateway stops.
 *
 * <p>One supervisor thread starts clamd, waits for it and restarts it. clamd is started through
 * {@code setpriv --pdeathsig TERM} when available, so that it receives SIGTERM when that thread ends,
 * which also happens when the gateway is killed and no shutdown hook runs: no clamd is left behind.
 */
public final class ManagedClamd implements AutoCloseable {
    private static final Logger LOGGER = LoggerFactory.getLogger(ManagedClamd.class);

    static final String DATABASE_RESOURCE = "/clamav/smg.ndb";
    static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration FIRST_BACK_OFF = Duration.ofSeconds(1);
    private static final Duration LONGEST_BACK_OFF = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    // sun_path holds 108 bytes with its terminating NUL; deep data directories need a shorter home for the socket.
    private static final int LONGEST_SOCKET_PATH = 100;

    private final List<String> command;
    private final Path directory;
    private final Path socket;
    private final Path socketHome;
    private final Thread supervisor;
    private final CompletableFuture<Void> firstReady = new CompletableFuture<>();
    private volatile Process process;
    private volatile boolean stopping;

    private ManagedClamd(List<String> command, Path directory, Path socket, Path socketHome) {
        this.command = command;
        this.directory = directory;
        this.socket = socket;
        this.socketHome = socketHome;
        this.supervisor = new Thread(this::supervise, "smg-clamd-supervisor");
        this.supervisor.setDaemon(true);
    }

    /**
     * Writes the configuration, starts clamd and waits until it answers PING.
     *
     * @param dataDirectory the gateway's data directory; clamd lives in its clamd/ subdirectory (0700)
     * @param maxFileSize scanner.maxFileSize, for StreamMaxLength and MaxFileSize
     */
    public static ManagedClamd start(Path dataDirectory, long maxFileSize) throws ClamdStartException {
        String path = System.getenv("PATH");
        Path clamd = ClamdExecutable.find(path).orElseThrow(() -> new ClamdStartException(ClamdExecutable.NOT_FOUND));
        try {
            Path directory = PrivateDirectories.create(dataDirectory.resolve("clamd"));
            Path database = PrivateDirectories.create(directory.resolve("db"));
            Path temporary = PrivateDirectories.create(directory.resolve("tmp"));
            copyDatabase(database);
            Path socketHome = null;
            Path socket = directory.resolve("clamd.sock");
            if (socket.toString().length() > LONGEST_SOCKET_PATH) {
                socketHome = Files.createTempDirectory("smg-clamd",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                socket = socketHome.resolve("clamd.sock");
            }
            Path pidFile = directory.resolve("clamd.pid");
            stopLeftover(pidFile, directory);
            Files.deleteIfExists(socket);
            Path configuration = directory.resolve("clamd.conf");
            Files.writeString(configuration, ClamdConfiguration.render(socket, database, temporary, pidFile, maxFileSize),
                StandardCharsets.UTF_8);
            List<String> command = new ArrayList<>();
            Optional<Path> setpriv = ClamdExecutable.setpriv(path);
            setpriv.ifPresent(program -> command.addAll(List.of(program.toString(), "--pdeathsig", "TERM", "--")));
            command.addAll(List.of(clamd.toString(), "--config-file=" + configuration));
            ManagedClamd managed = new ManagedClamd(command, directory, socket, socketHome);
            managed.awaitFirstStart();
            return managed;
        } catch (IOException e) {
            throw new ClamdStartException("cannot prepare the embedded clamd under " + dataDirectory + ": " + e.getMessage(), e);
        }
    }

    private static void copyDatabase(Path database) throws IOException, ClamdStartException {
        try (InputStream signatures = ManagedClamd.class.getResourceAsStream(DATABASE_RESOURCE)) {
            if (signatures == null) {
                throw new ClamdStartException("the signature database " + DATABASE_RESOURCE + " is missing from the gateway");
            }
            Files.copy(signatures, database.resolve("smg.ndb"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** A clamd of ours left by a gateway that could not stop it (no setpriv, SIGKILL): stop it before starting anew. */
    private static void stopLeftover(Path pidFile, Path directory) throws IOException {
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        String text = Files.readString(pidFile, StandardCharsets.US_ASCII).strip();
        Files.deleteIfExists(pidFile);
        if (!text.matches("[0-9]{1,10}")) {
            return;
        }
        Optional<ProcessHandle> leftover = ProcessHandle.of(Long.parseLong(text))
            .filter(handle -> handle.info().commandLine().map(line -> line.contains(directory.toString())).orElse(false));
        if (leftover.isPresent()) {
            LOGGER.warn("stopping a clamd left running by an earlier gateway (pid {})", leftover.get().pid());
            leftover.get().destroy();
            leftover.get().onExit().completeOnTimeout(null, STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
        }
    }

    private void awaitFirstStart() throws ClamdStartException {
        supervisor.start();
        try {
            firstReady.get(READY_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            close();
            throw new ClamdStartException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            close();
            throw new ClamdStartException("the embedded clamd did not start within " + READY_TIMEOUT.toSeconds()
                + " s; see " + log(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new ClamdStartException("interrupted while starting the embedded clamd", e);
        }
    }

    private void supervise() {
        Duration backOff = FIRST_BACK_OFF;
        while (!stopping) {
            long started = System.nanoTime();
            try {
                launch();
                if (!firstReady.isDone()) {
                    LOGGER.info("embedded clamd (pid {}) answers on {} after {} ms", process.pid(), socket,
                        Duration.ofNanos(System.nanoTime() - started).toMillis());
                    firstReady.complete(null);
                } else {
                    LOGGER.info("embedded clamd restarted (pid {})", process.pid());
                }
                int code = process.waitFor();
                if (stopping) {
                    return;
                }
                if (Duration.ofNanos(System.nanoTime() - started).compareTo(LONGEST_BACK_OFF) > 0) {
                    backOff = FIRST_BACK_OFF;
                }
                LOGGER.warn("embedded clamd exited with code {}; restarting in {} s (see {})", code, backOff.toSeconds(), log());
            } catch (ClamdStartException | IOException e) {
                if (!firstReady.isDone()) {
                    firstReady.completeExceptionally(e);
                    return;
                }
                LOGGER.warn("embedded clamd did not restart: {}; trying again in {} s", e.getMessage(), backOff.toSeconds());
            } catch (InterruptedException e) {
                return;
            }
            try {
                Thread.sleep(backOff.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            backOff = backOff.multipliedBy(2).compareTo(LONGEST_BACK_OFF) > 0 ? LONGEST_BACK_OFF : backOff.multipliedBy(2);
        }
    }

    /** Starts clamd from the supervisor thread and waits until it answers PING. */
    private void launch() throws IOException, ClamdStartException, InterruptedException {
        Files.deleteIfExists(socket);
        ProcessBuilder builder = new ProcessBuilder(command)
            .directory(directory.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()))
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        process = builder.start();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (stopping) {
                return;
            }
            if (!process.isAlive()) {
                throw new ClamdStartException("the embedded clamd exited with code " + process.exitValue()
                    + " while starting; see " + log());
            }
            if (Files.exists(socket) && answers()) {
                return;
            }
            Thread.sleep(20);
        }
        process.destroyForcibly();
        throw new ClamdStartException("the embedded clamd did not answer within " + READY_TIMEOUT.toSeconds() + " s; see " + log());
    }

    private boolean answers() {
        return ClamdScanner.answersPing(ClamdAddress.unix(socket), Duration.ofSeconds(2));
    }

    private Path log() {
        return directory.resolve("clamd.log");
    }

    /** The Unix socket the embedded clamd listens on. */
    public Path socket() {
        return socket;
    }

    public ClamdAddress address() {
        return ClamdAddress.unix(socket);
    }

    /** The running clamd's process id, if any (for tests and logs). */
    public Optional<Long> pid() {
        Process current = process;
        return current != null && current.isAlive() ? Optional.of(current.pid()) : Optional.empty();
    }

    /** Stops clamd (SIGTERM, then SIGKILL after a grace period) and does not restart it. */
    @Override
    public void close() {
        stopping = true;
        supervisor.interrupt();
        Process current = process;
        if (current != null && current.isAlive()) {
            current.destroy();
            try {
                if (!current.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    current.destroyForcibly().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                current.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        try {
            Files.deleteIfExists(socket);
            if (socketHome != null) {
                Files.deleteIfExists(socketHome);
            }
        } catch (IOException e) {
            LOGGER.warn("could not remove the embedded clamd's socket {}: {}", socket, e.getMessage());
        }
    }
}
