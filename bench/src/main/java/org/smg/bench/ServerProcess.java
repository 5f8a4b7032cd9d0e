package org.smg.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * One mail server started as its own JVM in its own temporary root on free ports, so the benchmark
 * never touches a server that is already running (./run.sh). Subclasses say how to configure and
 * launch it and which output line means "ready"; this class times the start, measures idle memory,
 * keeps the output in a log file inside the root, and stops the JVM and deletes the root at the end.
 */
abstract class ServerProcess implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final int LOG_TAIL_LINES = 40;
    /** Both servers get the heap ./run.sh gives the gateway, so neither wins by having more memory. */
    static final List<String> JVM_OPTIONS = List.of("-Xmx512m", "-XX:+ExitOnOutOfMemoryError");

    private final String name;
    private final Path root;
    private final Deque<String> tail = new ArrayDeque<>();
    private Process process;
    private double startupSeconds;
    private boolean closed;

    ServerProcess(String name, String tempPrefix) {
        this.name = name;
        try {
            this.root = Files.createTempDirectory(tempPrefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the configuration under {@link #root()}. */
    protected abstract void writeConfiguration() throws IOException;

    /** The command line that starts the server JVM. */
    protected abstract List<String> command();

    /** Whether this line of the server's output says it is ready to serve. */
    protected abstract boolean isReadyLine(String line);

    /** Sees every output line, to pick up what the server prints about itself. */
    protected void onLine(String line) {
    }

    /** Work after the ready line, such as creating the mailbox owner. Not part of the start-up time. */
    protected void afterReady() throws Exception {
    }

    abstract int smtpPort();

    /** Recipient address of every benchmark message; the IMAP login of {@link #imapCounter()}. */
    abstract String mailbox();

    abstract ImapCounter imapCounter();

    /** Starts the JVM and waits until it is ready; the start-up time runs from process start to the ready line. */
    final void start() throws Exception {
        writeConfiguration();
        CompletableFuture<Boolean> ready = new CompletableFuture<>();
        ProcessBuilder builder = new ProcessBuilder(command()).directory(root.toFile()).redirectErrorStream(true);
        customize(builder);
        long started = System.nanoTime();
        process = builder.start();
        Thread pump = new Thread(() -> pump(ready, started), name + "-output");
        pump.setDaemon(true);
        pump.start();
        boolean isReady;
        try {
            isReady = ready.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException(name + " not ready within " + START_TIMEOUT.toSeconds() + " s" + logTail());
        }
        if (!isReady) {
            throw new IllegalStateException(name + " exited before it was ready" + logTail());
        }
        afterReady();
    }

    /** Lets a subclass adjust the environment of the server process. */
    protected void customize(ProcessBuilder builder) {
    }

    /**
     * Waits until the JVM has settled after start-up (used under 5 % of one core for 3 seconds in a
     * row, at most 60 s), then returns its resident memory in KiB.
     */
    final long idleRssKib() throws InterruptedException {
        long pid = process.pid();
        int quietSeconds = 0;
        double before = Proc.cpuSeconds(pid);
        for (int second = 0; second < 60 && quietSeconds < 3; second++) {
            Thread.sleep(1000);
            double now = Proc.cpuSeconds(pid);
            quietSeconds = now - before < 0.05 ? quietSeconds + 1 : 0;
            before = now;
        }
        if (quietSeconds < 3) {
            System.out.println(name + ": still busy 60 s after start; measuring memory anyway");
        }
        return Proc.rssKib(pid);
    }

    final long pid() {
        return process.pid();
    }

    final double startupSeconds() {
        return startupSeconds;
    }

    final String name() {
        return name;
    }

    final Path root() {
        return root;
    }

    /** The last lines the server printed, for error messages. */
    final String logTail() {
        synchronized (tail) {
            return tail.isEmpty() ? "" : "\n--- last output of " + name + " ---\n" + String.join("\n", tail);
        }
    }

    private void pump(CompletableFuture<Boolean> ready, long started) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter log = new PrintWriter(Files.newBufferedWriter(root.resolve("server.log")), true)) {
            String line;
            while ((line = lines.readLine()) != null) {
                log.println(line);
                synchronized (tail) {
                    tail.addLast(line);
                    if (tail.size() > LOG_TAIL_LINES) {
                        tail.removeFirst();
                    }
                }
                onLine(line);
                if (!ready.isDone() && isReadyLine(line)) {
                    startupSeconds = (System.nanoTime() - started) / 1e9;
                    ready.complete(true);
                }
            }
        } catch (IOException e) {
            // The output ends when the process does (or the root is being deleted); whoever waits learns it below.
        }
        ready.complete(false);
    }

    /** Stops the server like an operator would (SIGTERM, then SIGKILL after 60 s) and deletes its root. */
    @Override
    public final synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (process != null && process.isAlive()) {
                process.destroy();
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        deleteRecursively(root);
    }

    static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            System.err.println("could not delete " + directory + ": " + e.getMessage());
        }
    }

    /**
     * {@code count} distinct ports nobody listens on right now: all are held open until the last is
     * chosen, so none repeats (closing each before asking for the next let the kernel hand out the same
     * port twice). The server binds them a few seconds later; a clash with another process is unlikely.
     */
    static List<Integer> freePorts(int count) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                held.add(new ServerSocket(0));
            }
            return held.stream().map(ServerSocket::getLocalPort).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket socket : held) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // a socket that cannot be closed keeps its port; the batch is still distinct
                }
            }
        }
    }

    /** The java launcher of the JVM running the benchmark, so both servers run on the same Java. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
