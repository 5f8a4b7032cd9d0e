package org.smg.gateway.it;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
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

    /** What {@link #renegotiate} saw: everything s_client printed, and whether the server ended the connection. */
    record Renegotiation(String output, boolean closedByServer) {
    }

    /**
     * {@code openssl s_client -brief} against 127.0.0.1:port: once the handshake is done, asks for
     * a renegotiation (s_client's {@code R} command) and waits up to 20 s for the connection to end.
     */
    static Renegotiation renegotiate(int port, String... options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("openssl", "s_client", "-connect", "127.0.0.1:" + port, "-brief"));
        command.addAll(List.of(options));
        Process openssl = new ProcessBuilder(command).redirectErrorStream(true).start();
        StringBuffer output = new StringBuffer();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(openssl.getInputStream(), StandardCharsets.UTF_8))) {
                lines.lines().forEach(line -> output.append(line).append('\n'));
            } catch (IOException e) {
                output.append("[output lost: ").append(e.getMessage()).append("]\n");
            }
        });
        reader.start();
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> output.indexOf("CONNECTION ESTABLISHED") >= 0 || !openssl.isAlive());
            // stdin stays open: at end of input s_client would quit by itself, before the server answers.
            openssl.getOutputStream().write("R\n".getBytes(StandardCharsets.US_ASCII));
            openssl.getOutputStream().flush();
            boolean closed = openssl.waitFor(20, TimeUnit.SECONDS);
            openssl.destroyForcibly().waitFor();
            reader.join(5_000);
            return new Renegotiation(output.toString(), closed);
        } finally {
            openssl.destroyForcibly();
        }
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
