package org.smg.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * Guards the dependency pins: artifacts excluded for security reasons must not come back through
 * a new transitive dependency, and pinned libraries must not fall below their fixed versions.
 * The test classpath is the runtime classpath plus the test libraries.
 */
class ExcludedArtifactsTest {
    private static final Pattern JAR = Pattern.compile("(?<artifact>.+?)-(?<version>\\d.*)\\.jar");

    private static final List<Pattern> EXCLUDED = List.of(
        Pattern.compile("bcprov-jdk15on-.*\\.jar"),
        Pattern.compile("bcpkix-jdk15on-.*\\.jar"),
        Pattern.compile("bcutil-jdk15on-.*\\.jar"),
        Pattern.compile("bcmail-jdk15on-.*\\.jar"),
        Pattern.compile("javax\\.mail-\\d.*\\.jar"),
        Pattern.compile("mail-1\\.4.*\\.jar"),
        Pattern.compile("netty-incubator-.*\\.jar"),
        Pattern.compile("reactor-netty-incubator-.*\\.jar"),
        Pattern.compile("activemq-.*\\.jar"),
        // bundled by James but unused by the gateway (docs/decisions/0003-dependency-pins.md)
        Pattern.compile("apache-mailet-amqp-.*\\.jar"),
        Pattern.compile("apache-james-backends-rabbitmq-.*\\.jar"),
        Pattern.compile("amqp-client-.*\\.jar"),
        Pattern.compile("reactor-rabbitmq-.*\\.jar"),
        Pattern.compile("protocols-managesieve-.*\\.jar"),
        Pattern.compile("apache-jsieve-.*\\.jar"),
        Pattern.compile("websocket-(api|common|client|server|servlet)-.*\\.jar"),
        Pattern.compile("reactor-netty-.*\\.jar"),
        Pattern.compile("commons-logging-\\d.*\\.jar"));

    private final List<Jar> classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .map(entry -> Path.of(entry).getFileName())
        .filter(name -> name != null && name.toString().endsWith(".jar"))
        .map(name -> Jar.parse(name.toString()))
        .collect(Collectors.toList());

    @Test
    void classpathShouldNotHoldExcludedArtifactsWhenDependenciesChange() {
        List<String> offending = classpath.stream()
            .map(Jar::fileName)
            .filter(ExcludedArtifactsTest::excluded)
            .collect(Collectors.toList());

        assertThat(offending).as("excluded artifacts back on the runtime classpath").isEmpty();
    }

    @Test
    void exclusionsShouldMatchGuardedArtifactsButNotTheirReplacementsWhenGivenKnownNames() {
        assertThat(List.of("bcprov-jdk15on-1.70.jar", "bcpkix-jdk15on-1.70.jar", "bcutil-jdk15on-1.70.jar",
            "bcmail-jdk15on-1.70.jar", "javax.mail-1.6.2.jar", "mail-1.4.7.jar",
            "netty-incubator-codec-native-quic-0.0.48.Final-linux-x86_64.jar", "reactor-netty-incubator-quic-0.1.3.jar",
            "activemq-client-5.17.6.jar", "apache-mailet-amqp-3.8.1.jar", "apache-james-backends-rabbitmq-3.8.1.jar",
            "amqp-client-5.16.0.jar", "reactor-rabbitmq-1.5.5.jar", "protocols-managesieve-3.8.1.jar", "apache-jsieve-core-0.8.jar",
            "websocket-server-9.4.58.v20250814.jar", "websocket-api-9.4.58.v20250814.jar", "reactor-netty-core-1.1.1.jar",
            "reactor-netty-1.1.1.jar", "commons-logging-1.2.jar")).allMatch(ExcludedArtifactsTest::excluded);
        assertThat(List.of("bcprov-jdk18on-1.85.jar", "jakarta.mail-1.6.8.jar", "netty-codec-4.1.137.Final.jar",
            "reactor-core-3.5.1.jar", "javax-mail-extension-3.8.1.jar", "jcl-over-slf4j-2.0.17.jar", "jetty-server-9.4.58.v20250814.jar",
            "protocols-imap-3.8.1.jar", "apache-mailet-standard-3.8.1.jar")).noneMatch(ExcludedArtifactsTest::excluded);
    }

    private static boolean excluded(String fileName) {
        return EXCLUDED.stream().anyMatch(excluded -> excluded.matcher(fileName).matches());
    }

    @Test
    void everyNettyJarShouldStayAtLeastThePinnedVersionWhenDependenciesChange() {
        assertAtLeast(jar -> jar.artifact.startsWith("netty-"), "netty", "4.1.137.Final");
    }

    @Test
    void pinnedLibrariesShouldStayAtLeastTheirFixedVersionsWhenDependenciesChange() {
        assertAtLeast(jar -> jar.artifact.startsWith("jetty-"), "jetty", "9.4.58");
        assertAtLeast(jar -> jar.artifact.equals("jackson-databind"), "jackson-databind", "2.15");
        assertAtLeast(jar -> jar.artifact.equals("commons-compress"), "commons-compress", "1.26");
        assertAtLeast(jar -> jar.artifact.equals("dnsjava"), "dnsjava", "3.6");
        assertAtLeast(jar -> jar.artifact.equals("apache-mime4j-core"), "apache-mime4j-core", "0.8.11");
        assertAtLeast(jar -> jar.artifact.equals("bcprov-jdk18on"), "bcprov-jdk18on", "1.85");
        assertAtLeast(jar -> jar.artifact.startsWith("derby"), "derby", "10.16.1.1");
        assertAtLeast(jar -> jar.artifact.equals("commons-io"), "commons-io", "2.20");
        assertAtLeast(jar -> jar.artifact.equals("commons-lang3"), "commons-lang3", "3.18");
        assertAtLeast(jar -> jar.artifact.equals("commons-configuration2"), "commons-configuration2", "2.10.1");
        assertAtLeast(jar -> jar.artifact.equals("commons-beanutils"), "commons-beanutils", "1.11");
        assertAtLeast(jar -> jar.artifact.equals("guava"), "guava", "32.0");
    }

    @Test
    void logbackShouldStayOnThePinnedReleaseLineWhenDependenciesChange() {
        assertWithin(jar -> jar.artifact.startsWith("logback-"), "logback", "1.5", "1.6");
    }

    @Test
    void jakartaMailShouldStayThePinnedJavaxMailImplementationWhenDependenciesChange() {
        assertWithin(jar -> jar.artifact.equals("jakarta.mail"), "jakarta.mail", "1.6.8", "2");
    }

    @Test
    void versionComparatorShouldCompareNumericallyWhenPartsHaveDifferentLengths() {
        assertThat(Versions.compare("4.1.137.Final", "4.1.99.Final")).isPositive();
        assertThat(Versions.compare("9.4.58.v20250814", "9.4.58")).isZero();
        assertThat(Versions.compare("1.26", "1.26.1")).isNegative();
        assertThat(Versions.compare("10.16.1.1", "10.9.1.0")).isPositive();
        assertThat(Versions.compare("2.0.0-RC1", "2")).isZero();
    }

    /** Every matching jar is at least {@code minimum}; at least one must be on the classpath. */
    private void assertAtLeast(Predicate<Jar> selection, String what, String minimum) {
        List<Jar> jars = select(selection, what);
        assertThat(jars)
            .allSatisfy(jar -> assertThat(Versions.compare(jar.version, minimum))
                .as("%s is below the pinned %s %s", jar.fileName(), what, minimum)
                .isGreaterThanOrEqualTo(0));
    }

    /** Every matching jar is at least {@code minimum} and below {@code limit}. */
    private void assertWithin(Predicate<Jar> selection, String what, String minimum, String limit) {
        List<Jar> jars = select(selection, what);
        assertThat(jars)
            .allSatisfy(jar -> assertThat(Versions.compare(jar.version, minimum) >= 0 && Versions.compare(jar.version, limit) < 0)
                .as("%s is outside the pinned %s line [%s, %s)", jar.fileName(), what, minimum, limit)
                .isTrue());
    }

    private List<Jar> select(Predicate<Jar> selection, String what) {
        List<Jar> jars = classpath.stream().filter(selection).collect(Collectors.toList());
        assertThat(jars).as("%s jars on the classpath (java.class.path has %d jars)", what, classpath.size()).isNotEmpty();
        return jars;
    }

    /** A jar file name split into artifact and version, e.g. netty-codec-4.1.137.Final.jar. */
    private static final class Jar {
        private final String artifact;
        private final String version;

        private Jar(String artifact, String version) {
            this.artifact = artifact;
            this.version = version;
        }

        static Jar parse(String fileName) {
            Matcher matcher = JAR.matcher(fileName);
            return matcher.matches() ? new Jar(matcher.group("artifact"), matcher.group("version")) : new Jar(fileName, "");
        }

        String fileName() {
            return version.isEmpty() ? artifact : artifact + "-" + version + ".jar";
        }
    }

    /** Compares the leading dotted numbers of two versions; qualifiers (Final, v2025..., -RC1) are ignored. */
    static final class Versions {
        private static final Pattern LEADING_NUMBERS = Pattern.compile("\\d+(\\.\\d+)*");

        private Versions() {
        }

        static int compare(String left, String right) {
            long[] a = numbers(left);
            long[] b = numbers(right);
            for (int i = 0; i < Math.max(a.length, b.length); i++) {
                long x = i < a.length ? a[i] : 0;
                long y = i < b.length ? b[i] : 0;
                if (x != y) {
                    return Long.compare(x, y);
                }
            }
            return 0;
        }

        private static long[] numbers(String version) {
            Matcher matcher = LEADING_NUMBERS.matcher(version);
            return Optional.of(matcher).filter(Matcher::lookingAt)
                .map(found -> Arrays.stream(found.group().split("\\.")).mapToLong(Long::parseLong).toArray())
                .orElse(new long[0]);
        }
    }
}
