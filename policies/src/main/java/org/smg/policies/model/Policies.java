package org.smg.policies.model;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One consistent, immutable snapshot of every policy file, as loaded together. A reload builds a new snapshot
 * and swaps it in whole (see {@link PolicyHolder}), so a reader never sees half of an old file and half of a new.
 */
public final class Policies {

    private final Map<PolicyFile<?>, Object> models;

    Policies(Map<PolicyFile<?>, Object> models) {
        this.models = new IdentityHashMap<>(models);
    }

    /** The programs of programs.yaml. */
    public Programs programs() {
        return get(PolicyCatalog.PROGRAMS);
    }

    /** Topics, staff routes and staff sender domains of routing.yaml ({@link Routing#none()} when absent). */
    public Routing routing() {
        return get(PolicyCatalog.ROUTING);
    }

    /** The notification of notifications.yaml (the built-in one when absent). */
    public NotificationPolicy notifications() {
        return get(PolicyCatalog.NOTIFICATIONS);
    }

    /** The maintenance windows of maintenance.yaml (none when absent). */
    public MaintenanceWindows maintenance() {
        return get(PolicyCatalog.MAINTENANCE);
    }

    /** The consent forms: 2848, 15314 and those of consents.yaml. */
    public ConsentForms consentForms() {
        return get(PolicyCatalog.CONSENTS);
    }

    /** The model of one policy file. */
    public <T> T get(PolicyFile<T> file) {
        Object model = models.get(file);
        if (model == null) {
            throw new IllegalArgumentException("policy file " + file.fileName() + " is not part of this snapshot");
        }
        @SuppressWarnings("unchecked") // put() below stores each file's own parse result under it
        T typed = (T) model;
        return typed;
    }

    /** The attachment rules and mailbox quotas of attachments.yaml (all defaults when the file is absent). */
    public AttachmentPolicies attachments() {
        return get(PolicyCatalog.ATTACHMENTS);
    }

    /** Collects the models of one load. */
    static final class Builder implements LoadedSoFar {
        private final Map<PolicyFile<?>, Object> models = new IdentityHashMap<>();

        <T> void put(PolicyFile<T> file, T model) {
            models.put(file, Objects.requireNonNull(model, "model"));
        }

        @Override
        public <T> Optional<T> model(PolicyFile<T> file) {
            @SuppressWarnings("unchecked") // put() stores each file's own parse result under it
            T typed = (T) models.get(file);
            return Optional.ofNullable(typed);
        }

        Policies build() {
            return new Policies(models);
        }
    }
}
