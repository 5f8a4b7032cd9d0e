package org.smg.policies.model;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.smg.policies.settings.SettingsError;
import org.smg.policies.settings.SettingsException;
import org.smg.policies.yaml.FileProblems;
import org.smg.policies.yaml.SafeYaml;
import org.smg.policies.yaml.YamlMap;

/**
 * Loads the policy directory (conf/policies/) into one {@link Policies} snapshot, or fails with every error of
 * every file. Errors are the same {@link SettingsError} lines as gateway.properties' ({@code file:line: field:
 * message}), so start-up prints both the same way and exits with the same code.
 */
public final class PolicyLoader {

    private final List<PolicyFile<?>> files;
    private final List<String> gatewayDomains;

    /** A loader for the given files (tests use their own); {@link #load(Path)} uses {@link PolicyCatalog}. */
    public PolicyLoader(List<PolicyFile<?>> files) {
        this(files, List.of());
    }

    /**
     * A loader that also checks addresses against the gateway's mail domains: a staff route must lead outside
     * them, the notification sender must be inside them. Without the domains those two checks are skipped.
     *
     * @param gatewayDomains the domains of gateway.domains, compared without case
     */
    public PolicyLoader(List<PolicyFile<?>> files, List<String> gatewayDomains) {
        this.files = List.copyOf(files);
        this.gatewayDomains = gatewayDomains.stream().map(domain -> domain.toLowerCase(Locale.ROOT)).toList();
    }

    /** The gateway's loader: every file of {@link PolicyCatalog}, checked against the gateway's mail domains. */
    public static PolicyLoader forGateway(List<String> gatewayDomains) {
        return new PolicyLoader(PolicyCatalog.files(), gatewayDomains);
    }

    /**
     * Loads the gateway's policy files from the directory.
     *
     * @param directory the policy directory; errors name files under it exactly as given here
     * @throws SettingsException listing every problem of every file, file by file, in line order
     */
    public static Policies load(Path directory) throws SettingsException {
        return new PolicyLoader(PolicyCatalog.files()).read(directory);
    }

    /** Loads this loader's files from the directory; see {@link #load(Path)}. */
    public Policies read(Path directory) throws SettingsException {
        if (!Files.isDirectory(directory)) {
            throw new SettingsException(List.of(new SettingsError(directory.toString(), 0, "",
                    "policy directory not found; expected a directory holding " + knownNames())));
        }
        List<SettingsError> errors = new ArrayList<>(unknownFiles(directory));
        Policies.Builder snapshot = new Policies.Builder();
        for (PolicyFile<?> file : files) {
            errors.addAll(readFile(file, directory, snapshot, new Earlier(snapshot, gatewayDomains)));
        }
        if (!errors.isEmpty()) {
            throw new SettingsException(errors);
        }
        return snapshot.build();
    }

    private static <T> List<SettingsError> readFile(PolicyFile<T> file, Path directory, Policies.Builder snapshot,
                                                    LoadedSoFar earlier) {
        Path path = directory.resolve(file.fileName());
        FileProblems problems = new FileProblems(path.toString());
        Optional<T> absent = file.whenAbsent();
        if (absent.isPresent() && !Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            snapshot.put(file, absent.get());
            return List.of();
        }
        Optional<T> model = SafeYaml.read(path, problems)
                .flatMap(root -> YamlMap.root(root, problems, file.topLevelFields().toArray(String[]::new)))
                .flatMap(root -> file.parse(root, directory, earlier));
        if (problems.isEmpty()) {
            snapshot.put(file, model.orElseThrow(() -> new IllegalStateException(
                    file.fileName() + ": the parser returned no model and reported no error")));
        }
        return problems.errors();
    }

    /** A misspelt file name would otherwise be ignored and its policy silently missing. */
    private List<SettingsError> unknownFiles(Path directory) throws SettingsException {
        List<SettingsError> errors = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, "*.{yaml,yml}")) {
            TreeSet<String> unknown = new TreeSet<>();
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (files.stream().noneMatch(file -> file.fileName().equals(name))) {
                    unknown.add(name);
                }
            }
            unknown.forEach(name -> errors.add(new SettingsError(directory.resolve(name).toString(), 0, "",
                    "unknown policy file; known files are: " + knownNames())));
        } catch (IOException unreadable) {
            throw new SettingsException(List.of(new SettingsError(directory.toString(), 0, "",
                    "policy directory cannot be read (" + unreadable.getClass().getSimpleName() + ")")));
        }
        return errors;
    }

    private String knownNames() {
        return files.stream().map(PolicyFile::fileName).collect(Collectors.joining(", "));
    }

    /** What a parser may know besides its own file. */
    private record Earlier(Policies.Builder snapshot, List<String> gatewayDomains) implements LoadedSoFar {
        @Override
        public <T> Optional<T> model(PolicyFile<T> file) {
            return snapshot.model(file);
        }
    }
}
