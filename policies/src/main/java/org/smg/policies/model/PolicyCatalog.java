package org.smg.policies.model;

import java.util.List;

/** Every policy file the gateway knows, in the order they are loaded; a file that is not listed is an error. */
public final class PolicyCatalog {

    /** conf/policies/programs.yaml: the programs citizens enrol in. */
    public static final PolicyFile<Programs> PROGRAMS = new ProgramsFile();

    /** conf/policies/attachments.yaml: attachment rules and mailbox quotas, by default and per program. */
    public static final PolicyFile<AttachmentPolicies> ATTACHMENTS = new AttachmentsFile();

    // attachments.yaml names programs, so programs.yaml comes first.
    private static final List<PolicyFile<?>> FILES = List.of(PROGRAMS, ATTACHMENTS);

    private PolicyCatalog() {
    }

    /** The known files, in load order. */
    public static List<PolicyFile<?>> files() {
        return FILES;
    }
}
