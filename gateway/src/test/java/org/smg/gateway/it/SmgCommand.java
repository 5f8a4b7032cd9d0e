package org.smg.gateway.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** One run of bin/smg as a process against a test gateway, with the test's class path instead of the packaged jar. */
record SmgCommand(int code, String out, String err) {

    /** Runs bin/smg with the gateway's host token (read from its secrets, as an operator on the host would). */
    static SmgCommand run(GatewayProcess gateway, String... args) throws Exception {
        return runWithToken(gateway, null, args);
    }

    /** Runs bin/smg with SMG_ADMIN_TOKEN set to {@code token} (none when null). */
    static SmgCommand runWithToken(GatewayProcess gateway, String token, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", GatewayProcess.repositoryConf().resolveSibling("bin").resolve("smg").toString(),
            "--conf", gateway.root().resolve("conf").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("SMG_ADMIN_TOKEN");
        if (token != null) {
            builder.environment().put("SMG_ADMIN_TOKEN", token);
        }
        builder.environment().put("SMG_CLASSPATH", System.getProperty("java.class.path"));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        String out = read(process.getInputStream());
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("bin/smg did not finish: " + command);
        }
        return new SmgCommand(process.exitValue(), out, err.get());
    }

    private static String read(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
