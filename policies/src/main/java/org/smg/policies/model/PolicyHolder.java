package org.smg.policies.model;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.smg.policies.settings.SettingsException;

/**
 * Holds the current policy snapshot and replaces it on reload only when the new files are valid: a bad edit is
 * reported and the gateway goes on with the policies it had, where at start-up the same errors stop it.
 */
public final class PolicyHolder {

    private final Path directory;
    private final PolicyLoader loader;
    private final AtomicReference<Policies> current;
    private final List<Consumer<Policies>> listeners = new CopyOnWriteArrayList<>();

    private PolicyHolder(Path directory, PolicyLoader loader, Policies first) {
        this.directory = directory;
        this.loader = loader;
        this.current = new AtomicReference<>(first);
    }

    /**
     * Loads the directory for the first time.
     *
     * @throws SettingsException listing every problem; at start-up this stops the gateway
     */
    public static PolicyHolder load(Path directory) throws SettingsException {
        return load(directory, new PolicyLoader(PolicyCatalog.files()));
    }

    /** Loads the directory with the given loader (tests use one with their own files). */
    public static PolicyHolder load(Path directory, PolicyLoader loader) throws SettingsException {
        return new PolicyHolder(directory, loader, loader.read(directory));
    }

    /** The snapshot in force; callers take it once per decision so one decision sees one version. */
    public Policies current() {
        return current.get();
    }

    /**
     * Calls the listener with each snapshot a reload applies, after it is in force (a schedule computed from the
     * policies, such as the next maintenance window, is computed again). The listener runs on the reloading
     * thread and must not block for long.
     */
    public void whenReloaded(Consumer<Policies> listener) {
        listeners.add(listener);
    }

    /** Reads the directory again; swaps the snapshot in whole when valid, keeps the current one otherwise. */
    public synchronized ReloadOutcome reload() {
        try {
            Policies fresh = loader.read(directory);
            current.set(fresh);
            listeners.forEach(listener -> listener.accept(fresh));
            return new ReloadOutcome.Applied(fresh);
        } catch (SettingsException refused) {
            return new ReloadOutcome.Refused(refused.errors(), current.get());
        }
    }
}
