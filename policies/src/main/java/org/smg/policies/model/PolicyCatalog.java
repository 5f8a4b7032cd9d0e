package org.smg.policies.model;

import java.util.List;

/** Every policy file the gateway knows, in the order they are loaded; a file that is not listed is an error. */
public final class PolicyCatalog {

    /** conf/policies/programs.yaml: the programs citizens enrol in. */
    public static final PolicyFile<Programs> PROGRAMS = new ProgramsFile();

    /** conf/policies/attachments.yaml: attachment rules and mailbox quotas, by default and per program. */
    public static final PolicyFile<AttachmentPolicies> ATTACHMENTS = new AttachmentsFile();

    /** conf/policies/routing.yaml: topics, staff routes and staff sender domains; optional. */
    public static final PolicyFile<Routing> ROUTING = new RoutingFile();

    /** conf/policies/notifications.yaml: the content-free notification to a citizen's external address; optional. */
    public static final PolicyFile<NotificationPolicy> NOTIFICATIONS = new NotificationsFile();

    /** conf/policies/maintenance.yaml: maintenance windows; optional. */
    public static final PolicyFile<MaintenanceWindows> MAINTENANCE = new MaintenanceFile();

    /** conf/policies/consents.yaml: consent forms besides 2848 and 15314; optional. */
    public static final PolicyFile<ConsentForms> CONSENTS = new ConsentsFile();

    // attachments.yaml and routing.yaml name programs, so programs.yaml comes first.
    private static final List<PolicyFile<?>> FILES = List.of(PROGRAMS, ATTACHMENTS, ROUTING, NOTIFICATIONS, MAINTENANCE, CONSENTS);

    private PolicyCatalog() {
    }

    /** The known files, in load order. */
    public static List<PolicyFile<?>> files() {
        return FILES;
    }
}
