package org.smg.gateway.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.apache.james.core.healthcheck.Result;
import org.junit.jupiter.api.Test;

import reactor.core.publisher.Mono;

class ClamdHealthCheckTest {

    @Test
    void checkShouldBeHealthyWhenClamdAnswersPong() throws Exception {
        try (FakeClamd clamd = FakeClamd.start((socket, fake) -> {
            socket.getInputStream().readNBytes(6);
            socket.getOutputStream().write("PONG\0".getBytes(StandardCharsets.US_ASCII));
        })) {
            Result result = check(new ClamdScanner(clamd.address(), Duration.ofSeconds(2), 1 << 20));

            assertThat(result.isHealthy()).isTrue();
            assertThat(result.getComponentName().getName()).isEqualTo("clamd");
        }
    }

    @Test
    void checkShouldBeUnhealthyNamingTheAddressWhenNothingListens() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0)) {
            port = closed.getLocalPort();
        }

        Result result = check(new ClamdScanner(ClamdAddress.tcp("127.0.0.1", port), Duration.ofSeconds(2), 1 << 20));

        assertThat(result.isUnHealthy()).isTrue();
        assertThat(result.getCause()).hasValueSatisfying(cause -> assertThat(cause).contains("tcp:127.0.0.1:" + port));
    }

    private static Result check(ClamdScanner scanner) {
        return Mono.from(new ClamdHealthCheck(scanner).check()).block();
    }
}
