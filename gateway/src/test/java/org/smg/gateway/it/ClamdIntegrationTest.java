package org.smg.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded clamd of a running gateway: started with it, listed in WebAdmin's health checks,
 * restarted when it dies, stopped when the gateway stops, even when the gateway is killed.
 */
class ClamdIntegrationTest {

    @TempDir
    Path root;

    @Test
    void gatewayShouldRunItsOwnClamdReportItsHealthAndStopIt() throws Exception {
        GatewayProcess gateway = GatewayProcess.in(root).withoutDemo().start();
        ProcessHandle first;
        try {
            first = clamdOf(gateway).orElseThrow();
            HttpResponse<String> healthy = WebAdmin.call(gateway, "GET", "/healthcheck/checks/clamd", null);
            HttpResponse<String> all = WebAdmin.call(gateway, "GET", "/healthcheck", null);

            first.destroyForcibly();
            // The supervisor waits 1 s before restarting it, ample time to see clamd down.
            HttpResponse<String> whileDown = WebAdmin.call(gateway, "GET", "/healthcheck/checks/clamd", null);
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() ->
                WebAdmin.call(gateway, "GET", "/healthcheck/checks/clamd", null).statusCode() == 200);
            ProcessHandle second = clamdOf(gateway).orElseThrow();

            assertThat(gateway.output()).contains("scanner: embedded clamd at ");
            assertThat(healthy.statusCode()).isEqualTo(200);
            assertThat(healthy.body()).contains("\"componentName\":\"clamd\"", "\"status\":\"healthy\"");
            assertThat(all.body()).contains("\"componentName\":\"clamd\"");
            assertThat(second.pid()).isNotEqualTo(first.pid());
            assertThat(whileDown.statusCode()).isEqualTo(503);
            assertThat(whileDown.body()).contains("\"status\":\"unhealthy\"", "clamd");
        } finally {
            gateway.stop();
        }

        assertThat(clamdProcesses(root)).isEmpty();
        assertThat(gateway.output()).contains("embedded clamd exited", "is unreachable", "answers again");
    }

    @Test
    void killedGatewayShouldLeaveNoClamdRunning() throws Exception {
        GatewayProcess gateway = GatewayProcess.in(root).withoutDemo().start();
        ProcessHandle clamd = clamdOf(gateway).orElseThrow();

        gateway.kill();

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> !clamd.isAlive());
        assertThat(clamdProcesses(root)).isEmpty();
    }

    private static Optional<ProcessHandle> clamdOf(GatewayProcess gateway) {
        return clamdProcesses(gateway.dataDirectory()).stream().findFirst();
    }

    /** clamd processes whose command line names a configuration under {@code directory}. */
    static List<ProcessHandle> clamdProcesses(Path directory) {
        String marker = directory.toAbsolutePath().toString();
        return ProcessHandle.allProcesses()
            .filter(ProcessHandle::isAlive)
            .filter(process -> process.info().command().map(command -> command.endsWith("/clamd")).orElse(false))
            .filter(process -> process.info().commandLine().map(line -> line.contains(marker)).orElse(false))
            .toList();
    }
}
