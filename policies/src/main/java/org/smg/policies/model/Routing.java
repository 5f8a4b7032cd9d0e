package org.smg.policies.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The routing policy of routing.yaml: topics citizens write to, the staff routes they lead to, and the staff
 * sender domains the relay port accepts. Every topic's route exists and every topic's program exists; ids are
 * unique. Without routing.yaml it is {@link #none()}: no topic (citizens can only reply to staff), no route and
 * no staff sender domain.
 */
public final class Routing {

    private static final Routing NONE = new Routing(List.of(), List.of(), List.of());

    private final List<Topic> topics;
    private final List<StaffRoute> routes;
    private final Map<String, Topic> topicsById;
    private final Map<String, StaffRoute> routesById;
    private final Set<String> staffSenderDomains;
    private final boolean externalAddressToSecureInbox;

    /** A policy that refuses staff mail to a citizen's registered external address (the switch off). */
    public Routing(List<Topic> topics, List<StaffRoute> routes, List<String> staffSenderDomains) {
        this(topics, routes, staffSenderDomains, false);
    }

    /**
     * @param externalAddressToSecureInbox whether staff mail to a citizen's registered external (notification) address
     *     is taken into that citizen's secure inbox (true) or refused on the relay port (false)
     * @throws IllegalArgumentException when ids repeat or a topic names a route that is not listed
     */
    public Routing(List<Topic> topics, List<StaffRoute> routes, List<String> staffSenderDomains, boolean externalAddressToSecureInbox) {
        Map<String, StaffRoute> routeIndex = new LinkedHashMap<>();
        for (StaffRoute route : routes) {
            if (routeIndex.putIfAbsent(route.id(), route) != null) {
                throw new IllegalArgumentException("duplicate route id " + route.id());
            }
        }
        Map<String, Topic> topicIndex = new LinkedHashMap<>();
        for (Topic topic : topics) {
            if (topicIndex.putIfAbsent(topic.id(), topic) != null) {
                throw new IllegalArgumentException("duplicate topic id " + topic.id());
            }
            if (!routeIndex.containsKey(topic.routeId())) {
                throw new IllegalArgumentException("topic " + topic.id() + " names unknown route " + topic.routeId());
            }
        }
        TreeSet<String> domains = new TreeSet<>();
        staffSenderDomains.forEach(domain -> domains.add(domain.toLowerCase(Locale.ROOT)));
        this.topics = List.copyOf(topics);
        this.routes = List.copyOf(routes);
        this.topicsById = Map.copyOf(topicIndex);
        this.routesById = Map.copyOf(routeIndex);
        this.staffSenderDomains = Set.copyOf(domains);
        this.externalAddressToSecureInbox = externalAddressToSecureInbox;
    }

    /** No topics, routes or staff sender domains: the policy when routing.yaml is absent. */
    public static Routing none() {
        return NONE;
    }

    /** Every topic, in file order. */
    public List<Topic> topics() {
        return topics;
    }

    /** The topics of one program, in file order: what its citizens are offered (welcome message, account page). */
    public List<Topic> topicsOf(String programId) {
        return topics.stream().filter(topic -> topic.programId().equals(programId)).toList();
    }

    /** The topic with this id; ids are lower-case by rule, so a local part is looked up after lower-casing it. */
    public Optional<Topic> topic(String id) {
        return Optional.ofNullable(topicsById.get(id));
    }

    /** Every staff route, in file order. */
    public List<StaffRoute> routes() {
        return routes;
    }

    /** The route with this id. */
    public Optional<StaffRoute> route(String id) {
        return Optional.ofNullable(routesById.get(id));
    }

    /** The route a topic leads to; it always exists (checked when the file is loaded). */
    public StaffRoute routeOf(Topic topic) {
        StaffRoute route = routesById.get(topic.routeId());
        if (route == null) {
            throw new IllegalArgumentException("topic " + topic.id() + " is not part of this routing policy");
        }
        return route;
    }

    /** The first route whose address is this one (without case), for the display name of a team's answer. */
    public Optional<StaffRoute> routeByAddress(String address) {
        return routesById.values().stream().filter(route -> route.address().equalsIgnoreCase(address)).findFirst();
    }

    /** Tells whether the relay port accepts staff mail from this sender domain (exact match, without case). */
    public boolean allowsStaffSenderDomain(String domain) {
        return staffSenderDomains.contains(domain.toLowerCase(Locale.ROOT));
    }

    /** The allowed staff sender domains, lower-case. */
    public Set<String> staffSenderDomains() {
        return staffSenderDomains;
    }

    /**
     * Whether staff mail relayed to a citizen's registered external address goes to that citizen's secure inbox
     * instead (envelope and To/Cc rewritten, never relayed out); when false such mail is refused on the relay port.
     */
    public boolean externalAddressToSecureInbox() {
        return externalAddressToSecureInbox;
    }
}
