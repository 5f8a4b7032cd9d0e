package org.smg.gateway.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The linkage check against classes compiled here: a client built against version 1 of a library
 * and run with version 2, which dropped a method and a class, the way commons-compress 1.28 built
 * against commons-io 2.20 meets commons-io 2.11.
 */
class LinkageTest {
    private static final String API_V1 = "package lib; public class Api { public static void kept() {} public static void gone() {} }";
    private static final String API_V2 = "package lib; public class Api { public static void kept() {} }";
    private static final String BASE = "package lib; public class Base { public int count; public void inherited() {} }";
    private static final String CHILD = "package lib; public class Child extends Base { }";
    private static final String REMOVED = "package lib; public class Removed { }";
    private static final String EXTERNAL = "package opt; public class External { public void run() {} }";
    private static final String PLUGIN = "package lib; public class Plugin extends opt.External { }";
    private static final String CLIENT = "package app; public class Client { void use() {"
        + " lib.Api.kept(); lib.Api.gone(); lib.Child child = new lib.Child(); child.inherited(); child.count++; child.toString();"
        + " new lib.Removed(); new lib.Plugin().run(); } }";

    @TempDir
    static Path work;

    private static Path optional;
    private static Path libraryV1;
    private static Path libraryV2;
    private static Path client;

    @BeforeAll
    static void compile() throws IOException {
        optional = compile("optional", List.of(), EXTERNAL);
        libraryV1 = compile("lib-v1", List.of(optional), API_V1, BASE, CHILD, REMOVED, PLUGIN);
        libraryV2 = compile("lib-v2", List.of(optional), API_V2, BASE, CHILD, PLUGIN);
        client = compile("client", List.of(libraryV1, optional), CLIENT);
    }

    @Test
    void checkShouldReportDroppedMethodAndClassWhenRunWithTheNewerLibrary() throws IOException {
        Map<String, ?> unresolved = check(client, libraryV2, optional).unresolved();

        assertThat(unresolved).containsOnlyKeys("lib.Api.gone()V", "lib.Removed", "lib.Removed.<init>()V");
    }

    @Test
    void checkShouldNameTheClassesMakingAnUnresolvedReferenceWhenReporting() throws IOException {
        Map<String, ? extends Iterable<String>> unresolved = check(client, libraryV2, optional).unresolved();

        assertThat(unresolved.get("lib.Api.gone()V")).containsExactly("app.Client (client)");
    }

    @Test
    void checkShouldResolveInheritedMembersAndFindNothingWhenRunWithTheLibraryItWasBuiltAgainst() throws IOException {
        Linkage.Report report = check(client, libraryV1, optional);

        assertThat(report.unresolved()).isEmpty();
        assertThat(report.needingAbsentLibraries()).isEmpty();
        assertThat(report.checked()).isGreaterThanOrEqualTo(9);
    }

    @Test
    void checkShouldUseTheFirstClasspathEntryWhenTwoHoldTheSameClass() throws IOException {
        Map<String, ?> unresolved = check(client, libraryV2, libraryV1, optional).unresolved();

        assertThat(unresolved).containsKey("lib.Api.gone()V").doesNotContainKey("lib.Removed");
    }

    @Test
    void checkShouldSetAsideClassesExtendingAnAbsentLibraryOutsideTheCheckedPackages() throws IOException {
        Linkage.Report report = check(client, libraryV1);

        assertThat(report.unresolved()).isEmpty();
        assertThat(report.needingAbsentLibraries()).containsExactly("lib.Plugin");
    }

    private static Linkage.Report check(Path... classpath) throws IOException {
        try (Linkage linkage = Linkage.of(List.of(classpath))) {
            return linkage.check(source -> source.startsWith("app/"), List.of("lib/"));
        }
    }

    private static Path compile(String name, List<Path> classpath, String... sources) throws IOException {
        Path sourceDirectory = Files.createDirectories(work.resolve("src-" + name));
        Path output = Files.createDirectories(work.resolve(name));
        List<String> arguments = new ArrayList<>(List.of("-d", output.toString(), "-proc:none"));
        if (!classpath.isEmpty()) {
            arguments.addAll(List.of("-cp", String.join(File.pathSeparator, classpath.stream().map(Path::toString).toList())));
        }
        for (String source : sources) {
            String className = source.replaceAll("(?s).*public class (\\w+).*", "$1");
            arguments.add(Files.writeString(sourceDirectory.resolve(className + ".java"), source).toString());
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertThat(compiler).as("javac: these tests need a JDK, not a JRE").isNotNull();

        int status = compiler.run(null, null, null, arguments.toArray(String[]::new));

        assertThat(status).as("compiling %s", name).isZero();
        return output;
    }
}
