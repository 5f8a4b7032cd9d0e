package org.smg.policies.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The programs of programs.yaml, in file order, with unique ids. */
public final class Programs {

    private final List<Program> all;
    private final Map<String, Program> byId;

    /** @throws IllegalArgumentException when the list is empty or two programs share an id */
    public Programs(List<Program> programs) {
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
