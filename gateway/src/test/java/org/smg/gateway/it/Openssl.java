package org.smg.gateway.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The {@code openssl} command line tool, as an independent TLS client and certificate maker for tests. */
final class Openssl {
    private Openssl() {
    }

    static boolean available() {
        try {
            return run(null, "version").startsWith("OpenSSL");
        } catch (IOException | AssertionError e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** {@code openssl s_client -brief} against 127.0.0.1:port with extra options; returns everything it printed. */
    static String sClient(int port, String... options) throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of("s_client", "-connect", "127.0.0.1:" + port, "-brief"));
        arguments.addAll(List.of(options));
        return run(null, arguments.toArray(String[]::new));
    }

    /** Runs {@code openssl arguments...} in {@code directory} (null: the current one) with no input; returns its output. */
    static String run(Path directory, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        Process openssl = builder.start();
        openssl.getOutputStream().close();
        if (!openssl.waitFor(30, TimeUnit.SECONDS)) {
            openssl.destroyForcibly();
            throw new AssertionError("openssl did not finish within 30 s: " + command);
        }
        return new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
