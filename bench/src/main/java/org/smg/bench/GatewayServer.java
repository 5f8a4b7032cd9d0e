package org.smg.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Our gateway, started from gateway/target/smg-gateway.jar exactly as ./run.sh starts it (with
 * --demo, which creates the demo user), but with its own conf/, data and secret in a temporary root
 * and every port free. Mail goes in through the staff relay port (no login from 127.0.0.1) and is
 * counted over IMAPS as the demo user.
 */
final class GatewayServer extends ServerProcess {
    private static final Pattern DEMO_LOGIN = Pattern.compile("demo login: (\\S+) password: (\\S+)");

    private final Path jar;
    private final Path mailetContainer;
    private final Path policies;
    private final Map<String, String> settings = new LinkedHashMap<>();
    private final List<String> extraJvmOptions = new ArrayList<>();
    private volatile String demoAddress;
    private volatile String demoPassword;

    /** @param repository the project's checkout, holding gateway/target/smg-gateway.jar and conf/ */
    GatewayServer(Path repository) {
        super("gateway", "smg-bench-gateway-");
        this.jar = repository.resolve("gateway/target/smg-gateway.jar").toAbsolutePath();
        this.mailetContainer = repository.resolve("conf/mailetcontainer.xml").toAbsolutePath();
        this.policies = repository.resolve("conf/policies").toAbsolutePath();
        settings.put("gateway.dataDir", root().resolve("var").toString());
        settings.put("storage.secret.file", root().resolve("secrets/storage.secret").toString());
        List<String> portKeys = List.of("smtp.relay.port", "smtp.submission.port", "smtp.smtps.port", "imap.port",
            "imap.imaps.port", "web.port", "webadmin.port");
        List<Integer> ports = freePorts(portKeys.size());
        for (int i = 0; i < portKeys.size(); i++) {
            settings.put(portKeys.get(i), String.valueOf(ports.get(i)));
        }
    }

    /** Adds JVM options after the shared ones (e.g. a GC log); call before {@link #start()}. */
    GatewayServer withJvmOptions(String... options) {
        extraJvmOptions.addAll(List.of(options));
        return this;
    }

    @Override
    protected void writeConfiguration() throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("missing " + jar + ": build the gateway first (bench/run.sh does)");
        }
        Path conf = Files.createDirectories(root().resolve("conf"));
        Files.copy(mailetContainer, conf.resolve("mailetcontainer.xml"));
        copyTree(policies, conf.resolve("policies"));
        StringBuilder properties = new StringBuilder("# written by the benchmark; everything else is the built-in default\n");
        settings.forEach((key, value) -> properties.append(key).append('=').append(value).append('\n'));
        Files.writeString(conf.resolve("gateway.properties"), properties);
    }

    /** The shipped policy files: the gateway does not start without them. */
    private static void copyTree(Path source, Path target) throws IOException {
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

    @Override
    protected List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(JVM_OPTIONS);
        command.addAll(extraJvmOptions);
        command.add("-Djava.io.tmpdir=" + root().resolve("var").resolve("tmp"));
        command.addAll(List.of("-jar", jar.toString(), "--conf", root().resolve("conf").toString(), "--demo"));
        return command;
    }

    @Override
    protected void customize(ProcessBuilder builder) {
        // The secret must come from our own file, never from a variable meant for another gateway.
        builder.environment().remove("SMG_STORAGE_SECRET");
    }

    @Override
    protected void onLine(String line) {
        Matcher demo = DEMO_LOGIN.matcher(line);
        if (demo.find()) {
            demoAddress = demo.group(1);
            demoPassword = demo.group(2);
        }
    }

    @Override
    protected boolean isReadyLine(String line) {
        return line.startsWith("gateway ready in");
    }

    @Override
    protected void afterReady() {
        if (demoAddress == null) {
            throw new IllegalStateException("gateway did not print its demo login" + logTail());
        }
    }

    @Override
    int smtpPort() {
        return Integer.parseInt(settings.get("smtp.relay.port"));
    }

    @Override
    String mailbox() {
        return demoAddress;
    }

    int imapsPort() {
        return Integer.parseInt(settings.get("imap.imaps.port"));
    }

    String password() {
        return demoPassword;
    }

    @Override
    ImapCounter imapCounter() {
        // Implicit TLS with the gateway's self-signed certificate.
        return new ImapCounter("imaps", Integer.parseInt(settings.get("imap.imaps.port")), demoAddress, demoPassword);
    }
}
