package org.smg.gateway.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * The jars we exclude as unused (docs/decisions/0003-dependency-pins.md) are referenced only by
 * the entry points we know the gateway never reaches. A James module or library added later that
 * calls into them fails here, instead of with a {@code NoClassDefFoundError} in production.
 */
class DroppedArtifactsLinkageTest {
    /** Packages of the excluded jars: RabbitMQ, ManageSieve and jSieve, Jetty websocket, reactor-netty. */
    private static final List<String> DROPPED_PACKAGES = List.of(
        "com/rabbitmq/",
        "reactor/rabbitmq/",
        "org/apache/james/backends/rabbitmq/",
        "org/apache/james/managesieve/",
        "org/apache/jsieve/",
        "org/eclipse/jetty/websocket/",
        "reactor/netty/");

    /** Who may still reference them, and why that code never runs in the gateway. */
    private static final List<String> KNOWN_UNREACHED_USERS = List.of(
        // OIDC SASL token check; the gateway configures no OIDC, so SMTP and IMAP never call it
        "org.apache.james.jwt.DefaultCheckTokenClient ",
        // Spark's websocket context, built only when websocket routes exist; WebAdmin has none
        "spark.embeddedserver.jetty.websocket.",
        // Sieve and ManageSieve mailets, absent from conf/mailetcontainer.xml
        "org.apache.james.transport.mailets.jsieve.",
        "org.apache.james.transport.mailets.managesieve.");

    @Test
    void excludedArtifactsShouldBeReferencedOnlyByCodeTheGatewayNeverRunsWhenDependenciesChange() throws Exception {
        Linkage.Report report;
        try (Linkage linkage = Linkage.ofThisJvm()) {
            report = linkage.check(source -> true, DROPPED_PACKAGES);
        }

        Set<String> users = report.unresolved().values().stream().flatMap(Set::stream).collect(Collectors.toCollection(TreeSet::new));
        assertThat(users)
            .as("classes referencing excluded jars (%s)", report.unresolved().keySet())
            .allMatch(user -> KNOWN_UNREACHED_USERS.stream().anyMatch(user::startsWith))
            .anyMatch(user -> user.startsWith("org.apache.james.jwt.DefaultCheckTokenClient "));
    }
}
