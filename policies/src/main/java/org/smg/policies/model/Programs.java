package org.smg.policies.model;

import java.time.Period;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The programs of programs.yaml, in file order, with unique ids. */
public final class Programs {

    /** How long records are kept when programs.yaml sets no {@code recordsRetention}. */
    public static final Period DEFAULT_RETENTION = Period.ofYears(7);

    private final List<Program> all;
    private final Period defaultRetention;
    private final Map<String, Program> byId;

    /** @throws IllegalArgumentException when the list is empty or two programs share an id */
    public Programs(List<Program> programs) {
        this(programs, DEFAULT_RETENTION);
    }

    /**
     * @param defaultRetention how long the record of a message is kept when its program is unknown
     *                         (none, or removed from the file since)
     */
    public Programs(List<Program> programs, Period defaultRetention) {
        if (programs.isEmpty()) {
            throw new IllegalArgumentException("at least one program is required");
        }
        Map<String, Program> index = new LinkedHashMap<>();
        for (Program program : programs) {
            if (index.putIfAbsent(program.id(), program) != null) {
                throw new IllegalArgumentException("duplicate program id " + program.id());
            }
        }
        this.all = List.copyOf(programs);
        this.byId = Map.copyOf(index);
        this.defaultRetention = Objects.requireNonNull(defaultRetention, "defaultRetention");
    }

    /** The records retention of a program, or the file's default for an unknown or empty program id. */
    public Period retention(String programId) {
        return find(programId).map(Program::retention).orElse(defaultRetention);
    }

    /** The file's default records retention. */
    public Period defaultRetention() {
        return defaultRetention;
    }

    /** Every program, in file order. */
    public List<Program> all() {
        return all;
    }

    /** The program with this id; ids are compared exactly (they are upper-case by rule). */
    public Optional<Program> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }
}
