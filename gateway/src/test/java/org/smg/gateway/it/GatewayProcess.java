package org.smg.gateway.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A gateway started as a separate JVM on free ports with its own configuration and data
 * directories, exactly as {@code ./run.sh} starts it, so tests can talk to it over real sockets
 * and kill it with SIGKILL. Tests pass while another gateway (./run.sh) is running.
 */
final class GatewayProcess implements AutoCloseable, BeforeAllCallback, AfterAllCallback {
    /** The password itself when the start created the account, else "stored in FILE". */
    private static final Pattern DEMO_LOGIN = Pattern.compile("demo login: (\\S+) password: (?:stored in (.+)|(\\S+))$");
    private static final Path GATEWAY_LOGGING = Path.of("target", "classes", "logback.xml").toAbsolutePath();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Path root;
    private final Map<String, String> settings;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final List<String> output = Collections.synchronizedList(new ArrayList<>());
    private Process process;
    private boolean demo = true;
    private String heap = "512m";
    private Thread reader;
    private String demoAddress;
    private String demoPassword;

    private GatewayProcess(Path root, Map<String, String> settings) {
        this.root = root;
        this.settings = settings;
    }

    /** A gateway rooted in {@code root} (conf/, var/, secrets/ are created there) with free ports, distinct ({@link FreePorts}). */
    static GatewayProcess in(Path root) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("gateway.dataDir", root.resolve("var").toString());
        settings.put("storage.secret.file", root.resolve("secrets/storage.secret").toString());
        List<String> portKeys = List.of("smtp.relay.port", "smtp.submission.port", "smtp.smtps.port", "imap.port",
            "imap.imaps.port", "web.port", "webadmin.port");
        List<Integer> ports = FreePorts.pick(portKeys.size());
        for (int i = 0; i < portKeys.size(); i++) {
            settings.put(portKeys.get(i), String.valueOf(ports.get(i)));
        }
        return new GatewayProcess(root, settings);
    }

    /**
     * A gateway for one test class, in a temporary root of its own: register it with
     * {@code @RegisterExtension static final GatewayProcess gateway = GatewayProcess.perTestClass();}
     * and it starts before the class's first test and stops, root deleted, after its last.
     */
    static GatewayProcess perTestClass() {
        try {
            return in(Files.createTempDirectory("smg-it-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        stop();
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    GatewayProcess with(String key, String value) {
        settings.put(key, value);
        return this;
    }

    /**
     * Starts without {@code --demo} from now on: the demo account made by an earlier start stays
     * as it is (its terms are not accepted again), and its address and password stay known here.
     */
    GatewayProcess withoutDemo() {
        demo = false;
        return this;
    }

    /** The gateway JVM's maximum heap, as for {@code -Xmx} ({@code 512m}, run.sh's, unless set here). */
    GatewayProcess withHeap(String maximum) {
        heap = maximum;
        return this;
    }

    /** Sets an environment variable of the gateway JVM, e.g. SMG_STORAGE_SECRET (removed unless set here). */
    GatewayProcess withEnvironment(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** Starts the JVM and waits until it prints that it is ready; fails with its output otherwise. */
    GatewayProcess start() {
        writeConfiguration();
        output.clear();
        try {
            process = processBuilder().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // A test that fails before stopping its gateway must not leave the JVM running after the build.
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        CompletableFuture<Boolean> ready = new CompletableFuture<>();
        reader = new Thread(() -> pump(ready), "gateway-output-" + root.getFileName());
        reader.setDaemon(true);
        reader.start();
        try {
            if (!ready.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("gateway exited before it was ready:\n" + output());
            }
        } catch (IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("gateway not ready within " + START_TIMEOUT + ":\n" + output(), e);
        }
        return this;
    }

    /** Runs the gateway expecting it to refuse to start; returns its exit code. */
    int startExpectingFailure() throws Exception {
        writeConfiguration();
        output.clear();
        process = processBuilder().start();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            lines.lines().forEach(output::add);
        }
        if (!process.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("gateway did not stop on a bad configuration:\n" + output());
        }
        return process.exitValue();
    }

    private void pump(CompletableFuture<Boolean> ready) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                output.add(line);
                Matcher demo = DEMO_LOGIN.matcher(line);
                if (demo.find()) {
                    demoAddress = demo.group(1);
                    demoPassword = demo.group(3) != null ? demo.group(3) : Files.readString(Path.of(demo.group(2))).strip();
                }
                if (line.startsWith("gateway ready in")) {
                    ready.complete(true);
                }
            }
        } catch (IOException e) {
            // the process ended; whoever waits learns it below
        }
        ready.complete(false);
    }

    private ProcessBuilder processBuilder() {
        ProcessBuilder builder = new ProcessBuilder(command()).redirectErrorStream(true).directory(root.toFile());
        builder.environment().remove("SMG_STORAGE_SECRET");
        builder.environment().putAll(environment);
        return builder;
    }

    private List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + heap);
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.add("-Djava.io.tmpdir=" + dataDirectory().resolve("tmp"));
        // The child runs on the test class path, where test jars (James's MPT and testing-base) carry a
        // logback-test.xml that logback would prefer: log exactly as the packaged gateway does.
        command.add("-Dlogback.configurationFile=" + GATEWAY_LOGGING);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("org.smg.gateway.GatewayMain");
        command.add("--conf");
        command.add(root.resolve("conf").toString());
        command.add(demo ? "--demo" : "--no-demo");
        return command;
    }

    private void writeConfiguration() {
        try {
            Path conf = Files.createDirectories(root.resolve("conf"));
            Files.copy(repositoryConf().resolve("mailetcontainer.xml"), conf.resolve("mailetcontainer.xml"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            copyTree(repositoryConf().resolve("policies"), conf.resolve("policies"));
            StringBuilder properties = new StringBuilder();
            settings.forEach((key, value) -> properties.append(key).append('=').append(value).append('\n'));
            Files.writeString(conf.resolve("gateway.properties"), properties.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the shipped policy files to {@code target}, so a test can change one of them before the gateway starts. */
    static void copyPolicies(Path target) throws IOException {
        copyTree(repositoryConf().resolve("policies"), target);
    }

    /** Copies the shipped policy files unless the test already wrote its own. */
    private static void copyTree(Path source, Path target) throws IOException {
        if (Files.exists(target)) {
            return;
        }
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
    }

    static Path repositoryConf() {
        Path candidate = Path.of("..", "conf").toAbsolutePath().normalize();
        if (!Files.isDirectory(candidate)) {
            candidate = Path.of("conf").toAbsolutePath();
        }
        return candidate;
    }

    /**
     * Stops the gateway the way an operator would (SIGTERM) and waits for it and for the last
     * lines it wrote (the audit head it logs at stop). {@code Process.destroy()} would close the
     * output pipe at once and lose those lines; the process handle only sends the signal.
     */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.toHandle().destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
        if (reader != null) {
            reader.join(TimeUnit.SECONDS.toMillis(10));
        }
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    long pid() {
        return process.pid();
    }

    int port(String key) {
        return Integer.parseInt(settings.get(key));
    }

    int submissionPort() {
        return port("smtp.submission.port");
    }

    int smtpsPort() {
        return port("smtp.smtps.port");
    }

    int relayPort() {
        return port("smtp.relay.port");
    }

    int imapPort() {
        return port("imap.port");
    }

    int imapsPort() {
        return port("imap.imaps.port");
    }

    int webPort() {
        return port("web.port");
    }

    int webAdminPort() {
        return port("webadmin.port");
    }

    String demoAddress() {
        return demoAddress;
    }

    String demoPassword() {
        return demoPassword;
    }

    Path root() {
        return root;
    }

    Path dataDirectory() {
        return root.resolve("var");
    }

    Path secretsDirectory() {
        return root.resolve("secrets");
    }

    String output() {
        synchronized (output) {
            return String.join("\n", output);
        }
    }

    @Override
    public void close() throws Exception {
        stop();
    }
}
