package org.smg.gateway.routing;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.james.core.MailAddress;
import org.smg.gateway.enrollment.Account;
import org.smg.gateway.enrollment.AccountState;
import org.smg.gateway.enrollment.Enrollment;
import org.smg.policies.model.Policies;
import org.smg.policies.model.PolicyHolder;
import org.smg.policies.model.Program;
import org.smg.policies.model.Programs;
import org.smg.policies.model.Routing;

/**
 * Where a citizen's mail may go: to a topic address of one of the citizen's programs
 * ({@code <topic id>@<gateway domain>}), which leads to the topic's staff route, or to a reply address made
 * for this citizen ({@link ReplyAddresses}), which leads to the staff address it was made for. Nothing
 * else: not another citizen, not an outside address, not a staff address typed directly. Asked at RCPT
 * (the decision) and again by the pipeline (which rewrites the recipient), each time with the policy in force.
 */
public final class CitizenRoutes {
    /** A resolved recipient: the staff address the mail goes to and the programs it concerns. */
    public record Destination(String staffAddress, List<String> programs) {
        public Destination {
            programs = List.copyOf(programs);
        }
    }

    private final Enrollment enrollment;
    private final PolicyHolder policies;
    private final ReplyAddresses replies;
    private final List<String> domains;

    /** @param domains the gateway's mail domains, lower case, the first the default one */
    public CitizenRoutes(Enrollment enrollment, PolicyHolder policies, ReplyAddresses replies, List<String> domains) {
        this.enrollment = enrollment;
        this.policies = policies;
        this.replies = replies;
        this.domains = domains.stream().map(domain -> domain.toLowerCase(Locale.ROOT)).toList();
    }

    /** Where mail from this citizen to this recipient goes, or empty when the citizen may not write there. */
    public Optional<Destination> resolve(String citizen, MailAddress recipient) throws SQLException {
        Optional<Account> account = enrollment.find(citizen).filter(found -> found.state() == AccountState.ACTIVE);
        if (account.isEmpty() || !domains.contains(recipient.getDomain().asString().toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        Policies snapshot = policies.current();
        Routing routing = snapshot.routing();
        String localPart = recipient.getLocalPart();
        if (ReplyAddresses.isReplyLocalPart(localPart)) {
            return replies.staffFor(recipient, citizen)
                .map(staff -> new Destination(staff, programsOfStaff(snapshot, account.get(), staff)));
        }
        return routing.topic(localPart.toLowerCase(Locale.ROOT))
            .filter(topic -> account.get().programs().contains(topic.programId()))
            .map(topic -> new Destination(routing.routeOf(topic).address(), List.of(topic.programId())));
    }

    /** The topic addresses this citizen may write to, for the refusal text. */
    public List<String> topicAddresses(String citizen) throws SQLException {
        Optional<Account> account = enrollment.find(citizen);
        if (account.isEmpty()) {
            return List.of();
        }
        Routing routing = policies.current().routing();
        List<String> addresses = new ArrayList<>();
        for (String program : account.get().programs()) {
            routing.topicsOf(program).forEach(topic -> addresses.add(topic.id() + "@" + domains.get(0)));
        }
        return addresses;
    }

    /**
     * The citizen's programs this staff address answers for (the program's staff address, or the route
     * of one of its topics); all the citizen's programs when none does (a staff member outside the policy).
     */
    private static List<String> programsOfStaff(Policies snapshot, Account account, String staff) {
        Programs programs = snapshot.programs();
        Routing routing = snapshot.routing();
        List<String> matching = new ArrayList<>();
        for (String id : account.programs()) {
            boolean answers = programs.find(id).map(Program::staffAddress).filter(staff::equalsIgnoreCase).isPresent()
                || routing.topicsOf(id).stream().map(routing::routeOf).anyMatch(route -> route.address().equalsIgnoreCase(staff));
            if (answers) {
                matching.add(id);
            }
        }
        return matching.isEmpty() ? account.programs() : matching;
    }

}
