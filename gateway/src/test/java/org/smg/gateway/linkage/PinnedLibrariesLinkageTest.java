package org.smg.gateway.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * The libraries we pin apart from James's BOM (docs/decisions/0003-dependency-pins.md) must link
 * with each other and with the code that calls them: every class, method and field that any class
 * of the classpath references in their packages must exist. A version that drops or has not yet
 * got a member another jar calls fails here, not at the first request that takes that path. The
 * test classpath is the runtime classpath plus the test libraries.
 */
class PinnedLibrariesLinkageTest {
    /** Packages of the pinned libraries, as class-file internal names. */
    private static final List<String> PINNED_PACKAGES = List.of(
        "org/apache/commons/compress/",
        "org/apache/commons/io/",
        "org/apache/commons/lang3/",
        "org/apache/commons/text/",
        "org/apache/commons/configuration2/",
        "org/apache/commons/beanutils/",
        "org/apache/commons/collections/",
        "org/apache/commons/logging/",
        "org/apache/commons/codec/",
        "org/apache/commons/pool2/",
        "org/apache/commons/dbcp2/",
        "com/google/common/");

    private static final int FEWEST_EXPECTED_REFERENCES = 10_000;

    @Test
    void everyReferenceIntoPinnedLibrariesShouldResolveOnTheClasspath() throws Exception {
        Linkage.Report report;
        try (Linkage linkage = Linkage.ofThisJvm()) {
            report = linkage.check(source -> true, PINNED_PACKAGES);
        }

        assertThat(report.checked()).as("references checked (too few: the classpath was not the runtime one)")
            .isGreaterThan(FEWEST_EXPECTED_REFERENCES);
        assertThat(report.unresolved())
            .withFailMessage("%d references into pinned libraries do not resolve:%n%s", report.unresolved().size(), describe(report.unresolved()))
            .isEmpty();
    }

    private static String describe(Map<String, Set<String>> unresolved) {
        return unresolved.entrySet().stream()
            .map(entry -> "  " + entry.getKey() + "\n      used by " + entry.getValue().stream().limit(3).collect(Collectors.joining(", "))
                + (entry.getValue().size() > 3 ? " and " + (entry.getValue().size() - 3) + " more" : ""))
            .collect(Collectors.joining("\n"));
    }
}
