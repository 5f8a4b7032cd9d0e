package org.smg.gateway.linkage;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Resolves, the way the JVM would when linking, the references that the classes of a classpath
 * make into a chosen set of packages: the class must exist, and a field or method must be declared
 * with the same name and descriptor by the class or one of its supertypes (JVMS 5.4.3). A reference
 * that does not resolve is a {@code NoClassDefFoundError}, {@code NoSuchMethodError} or
 * {@code NoSuchFieldError} waiting for the first call. Like the JVM, the first classpath entry
 * holding a class wins; JDK classes come from the running JDK.
 */
final class Linkage implements AutoCloseable {
    private static final String SUFFIX = ".class";

    private final Map<String, Location> classes;
    private final List<ZipFile> jars;
    private final Map<String, Optional<ClassFile>> parsed = new HashMap<>();

    private Linkage(Map<String, Location> classes, List<ZipFile> jars) {
        this.classes = classes;
        this.jars = jars;
    }

    /** The classpath of this JVM: in a Maven test, the module's runtime classpath plus the test libraries. */
    static Linkage ofThisJvm() throws IOException {
        return of(Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)).map(Path::of).toList());
    }

    /** Indexes the classes of jars and class directories, in classpath order. */
    static Linkage of(List<Path> classpath) throws IOException {
        Map<String, Location> classes = new LinkedHashMap<>();
        List<ZipFile> jars = new ArrayList<>();
        for (Path entry : classpath) {
            if (Files.isDirectory(entry)) {
                indexDirectory(entry, classes);
            } else if (entry.toString().endsWith(".jar") && Files.isRegularFile(entry)) {
                ZipFile jar = new ZipFile(entry.toFile());
                jars.add(jar);
                jar.stream()
                    .map(ZipEntry::getName)
                    .filter(Linkage::isLinkableClass)
                    .forEach(name -> classes.putIfAbsent(internalName(name), new Location(entry, jar, name)));
            }
        }
        return new Linkage(classes, jars);
    }

    private static void indexDirectory(Path directory, Map<String, Location> classes) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            files.filter(Files::isRegularFile)
                .map(file -> directory.relativize(file).toString().replace(File.separatorChar, '/'))
                .filter(Linkage::isLinkableClass)
                .forEach(name -> classes.putIfAbsent(internalName(name), new Location(directory, null, name)));
        }
    }

    /** Multi-release variants and module descriptors are not what Java 17 links first; skip them. */
    private static boolean isLinkableClass(String entryName) {
        return entryName.endsWith(SUFFIX) && !entryName.startsWith("META-INF/") && !entryName.endsWith("module-info.class");
    }

    private static String internalName(String entryName) {
        return entryName.substring(0, entryName.length() - SUFFIX.length());
    }

    /**
     * Checks every reference that a class of the classpath accepted by {@code sources} makes to a
     * class in one of {@code targetPackages} (internal-name prefixes such as {@code org/apache/commons/io/}).
     */
    Report check(Predicate<String> sources, List<String> targetPackages) throws IOException {
        Predicate<String> targets = name -> targetPackages.stream().anyMatch(name::startsWith);
        List<byte[]> markers = targetPackages.stream()
            .map(Linkage::firstThreeSegments)
            .distinct()
            .map(prefix -> prefix.getBytes(StandardCharsets.UTF_8))
            .toList();
        int checked = 0;
        Map<String, Set<String>> unresolved = new TreeMap<>();
        Set<String> optional = new TreeSet<>();
        Map<ClassFile.Reference, Verdict> verdicts = new HashMap<>();
        for (Map.Entry<String, Location> source : classes.entrySet()) {
            if (!sources.test(source.getKey())) {
                continue;
            }
            byte[] bytes = read(source.getValue());
            // most classes name no target package at all; skip them before parsing
            if (!containsAny(bytes, markers)) {
                continue;
            }
            for (ClassFile.Reference reference : ClassFile.parse(bytes).references()) {
                if (!targets.test(reference.owner()) || reference.owner().equals(source.getKey())) {
                    continue;
                }
                checked++;
                Verdict verdict = verdicts.computeIfAbsent(reference, missing -> resolve(missing, targets));
                if (verdict == Verdict.UNRESOLVED) {
                    unresolved.computeIfAbsent(reference.toString(), missing -> new TreeSet<>())
                        .add(source.getKey().replace('/', '.') + " (" + source.getValue().entry().getFileName() + ")");
                } else if (verdict == Verdict.NEEDS_ABSENT_LIBRARY) {
                    optional.add(reference.owner().replace('/', '.'));
                }
            }
        }
        return new Report(checked, unresolved, optional);
    }

    /** {@code org/apache/commons/io/} to {@code org/apache/commons/}: few markers keep the byte scan fast. */
    private static String firstThreeSegments(String packagePrefix) {
        String[] segments = packagePrefix.split("/");
        return String.join("/", Arrays.asList(segments).subList(0, Math.min(3, segments.length))) + "/";
    }

    /** Whether any marker occurs in the bytes; one pass, comparing only where a marker's first byte is. */
    private static boolean containsAny(byte[] bytes, List<byte[]> markers) {
        for (int start = 0; start < bytes.length; start++) {
            for (byte[] marker : markers) {
                if (bytes[start] == marker[0] && matchesAt(bytes, start, marker)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean matchesAt(byte[] bytes, int start, byte[] marker) {
        if (start + marker.length > bytes.length) {
            return false;
        }
        for (int offset = 1; offset < marker.length; offset++) {
            if (bytes[start + offset] != marker[offset]) {
                return false;
            }
        }
        return true;
    }

    /**
     * How many references were checked; each unresolved one with the classes that make it; and the
     * classes left out because they extend a class of an optional library that is not on the
     * classpath (commons-compress's Pack200 packer extends ASM): they cannot load anyway, and
     * what the pinned libraries need from each other is not in question there.
     */
    record Report(int checked, Map<String, Set<String>> unresolved, Set<String> needingAbsentLibraries) {
    }

    private enum Verdict { RESOLVED, UNRESOLVED, NEEDS_ABSENT_LIBRARY }

    private Verdict resolve(ClassFile.Reference reference, Predicate<String> targets) {
        Optional<ClassFile> owner = find(reference.owner());
        if (owner.isEmpty()) {
            return Verdict.UNRESOLVED;
        }
        if (reference.kind() == ClassFile.Reference.Kind.CLASS) {
            return Verdict.RESOLVED;
        }
        if (reference.name().equals("<init>")) {
            // constructors are not inherited
            return owner.get().declares(reference.name(), reference.descriptor()) ? Verdict.RESOLVED : Verdict.UNRESOLVED;
        }
        Set<String> absentSupertypes = new TreeSet<>();
        if (declaredInHierarchy(owner.get(), reference, absentSupertypes)) {
            return Verdict.RESOLVED;
        }
        boolean onlyOptionalAbsent = !absentSupertypes.isEmpty()
            && absentSupertypes.stream().noneMatch(supertype -> targets.test(supertype) || supertype.startsWith("java/"));
        return onlyOptionalAbsent ? Verdict.NEEDS_ABSENT_LIBRARY : Verdict.UNRESOLVED;
    }

    /**
     * Looks in the class, its superclasses and all their superinterfaces (an interface's class
     * file names java/lang/Object as its superclass); supertypes not found are collected.
     */
    private boolean declaredInHierarchy(ClassFile owner, ClassFile.Reference reference, Set<String> absentSupertypes) {
        Deque<ClassFile> pending = new ArrayDeque<>(List.of(owner));
        Set<String> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            ClassFile type = pending.pop();
            if (!seen.add(type.name())) {
                continue;
            }
            if (type.declares(reference.name(), reference.descriptor())) {
                return true;
            }
            Stream.concat(Stream.ofNullable(type.superName()), type.interfaces().stream()).forEach(supertype -> find(supertype)
                .ifPresentOrElse(pending::push, () -> absentSupertypes.add(supertype)));
        }
        return false;
    }

    private Optional<ClassFile> find(String internalName) {
        if (internalName.startsWith("[")) {
            // arrays: clone() and length; their element class is checked as a class reference
            return find("java/lang/Object");
        }
        return parsed.computeIfAbsent(internalName, this::load);
    }

    private Optional<ClassFile> load(String internalName) {
        try {
            Location location = classes.get(internalName);
            if (location != null) {
                return Optional.of(ClassFile.parse(read(location)));
            }
            try (InputStream jdk = ClassLoader.getPlatformClassLoader().getResourceAsStream(internalName + SUFFIX)) {
                return jdk == null ? Optional.empty() : Optional.of(ClassFile.parse(jdk.readAllBytes()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read class " + internalName, e);
        }
    }

    private static byte[] read(Location location) throws IOException {
        try (InputStream in = location.jar() == null
            ? Files.newInputStream(location.entry().resolve(location.name()))
            : location.jar().getInputStream(location.jar().getEntry(location.name()))) {
            return in.readAllBytes();
        }
    }

    @Override
    public void close() throws IOException {
        for (ZipFile jar : jars) {
            jar.close();
        }
    }

    /** Where a class was found: a jar (with its open file) or a class directory. */
    private record Location(Path entry, ZipFile jar, String name) {
    }
}
