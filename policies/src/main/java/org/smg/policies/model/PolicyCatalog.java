package org.smg.policies.model;

import java.util.List;

/** Every policy file the gateway knows, in the order they are loaded; a file that is not listed is an error. */
public final class PolicyCatalog {

    /** conf/policies/programs.yaml: the programs citizens enrol in. */
    public static final PolicyFile<Programs> PROGRAMS = new ProgramsFile();

    private static final List<PolicyFile<?>> FILES = List.of(PROGRAMS);

    private PolicyCatalog() {
    }

    /** The known files, in load order. */
    public static List<PolicyFile<?>> files() {
        return FILES;
    }
}
