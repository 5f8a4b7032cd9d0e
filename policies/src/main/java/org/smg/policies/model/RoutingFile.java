package org.smg.policies.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.smg.policies.yaml.ValueType;
import org.smg.policies.yaml.ValueTypes;
import org.smg.policies.yaml.YamlMap;

/**
 * Parses routing.yaml, optional (absent: {@link Routing#none()}):
 * <pre>
 * staffSenderDomains:          # the relay port accepts staff mail from these sender domains only
 *   - staff.example
 * externalAddressToSecureInbox: true   # optional, default false: staff mail to a citizen's registered
 *                              # external address goes to the secure inbox (true) or is refused (false)
 * routes:
 *   - id: eco-team
 *     address: eco@staff.example
 *     displayName: Energy Credits Online team
 * topics:                      # optional, may be []; without topics citizens can only reply to staff
 *   - id: eco-credits          # the topic's address is eco-credits@ the gateway's domain
 *     program: ECO             # a program of programs.yaml
 *     label: Clean energy credits
 *     route: eco-team
 * </pre>
 */
final class RoutingFile implements PolicyFile<Routing> {

    static final String FILE_NAME = "routing.yaml";
    /** Local parts that RFC 2142 and mail software give a meaning, and the prefix reply addresses use. */
    static final Set<String> RESERVED_TOPIC_IDS = Set.of("postmaster", "abuse", "mailer-daemon");
    static final String RESERVED_TOPIC_PREFIX = "reply";

    private static final String STAFF_SENDER_DOMAINS = "staffSenderDomains";
    private static final String EXTERNAL_ADDRESS_TO_SECURE_INBOX = "externalAddressToSecureInbox";
    private static final String ROUTES = "routes";
    private static final String TOPICS = "topics";
    private static final String ID = "id";
    private static final String ADDRESS = "address";
    private static final String DISPLAY_NAME = "displayName";
    private static final String PROGRAM = "program";
    private static final String LABEL = "label";
    private static final String ROUTE = "route";

    private static final ValueType<String> TOPIC_ID = PolicyValueTypes.name("a topic id");
    private static final ValueType<String> ROUTE_ID = PolicyValueTypes.name("a route id");
    // An address in a display name would show the citizen an address that is not where a reply goes.
    private static final ValueType<String> DISPLAY_NAME_TYPE = PolicyValueTypes.plainLine(64, "@<>\"\\");
    private static final ValueType<String> LABEL_TYPE = PolicyValueTypes.plainLine(100, "");

    @Override
    public String fileName() {
        return FILE_NAME;
    }

    @Override
    public List<String> topLevelFields() {
        return List.of(STAFF_SENDER_DOMAINS, EXTERNAL_ADDRESS_TO_SECURE_INBOX, ROUTES, TOPICS);
    }

    @Override
    public Optional<Routing> whenAbsent() {
        return Optional.of(Routing.none());
    }

    @Override
    public Optional<Routing> parse(YamlMap root, Path directory, LoadedSoFar earlier) {
        int before = root.problems().count();
        List<String> gatewayDomains = earlier.gatewayDomains();
        List<String> domains = staffSenderDomains(root, gatewayDomains);
        Optional<Boolean> externalToInbox = root.optional(EXTERNAL_ADDRESS_TO_SECURE_INBOX, ValueTypes.trueOrFalse(), false);
        // A route with an error still declares its id, so topics naming it get no second, misleading error.
        Set<String> declaredRoutes = new LinkedHashSet<>();
        Map<String, StaffRoute> routes = routes(root, gatewayDomains, declaredRoutes);
        List<Topic> topics = topics(root, declaredRoutes, earlier.model(PolicyCatalog.PROGRAMS));
        if (root.problems().count() > before || externalToInbox.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Routing(topics, List.copyOf(routes.values()), domains, externalToInbox.get()));
    }

    private static List<String> staffSenderDomains(YamlMap root, List<String> gatewayDomains) {
        List<String> domains = new ArrayList<>();
        ValueType<String> domainType = PolicyValueTypes.domain();
        // Checked inside the item's type, so each error is reported on the item's own line.
        ValueType<String> staffDomain = new ValueType<>() {
            @Override
            public String expected() {
                return domainType.expected();
            }

            @Override
            public String parse(String text) {
                String domain = domainType.parse(text);
                if (domains.contains(domain)) {
                    throw new IllegalArgumentException("duplicate domain '" + domain + "'; list each domain once");
                }
                if (gatewayDomains.contains(domain)) {
                    throw new IllegalArgumentException("'" + domain + "' is one of the gateway's own domains;"
                            + " expected a domain of the staff's mail system");
                }
                domains.add(domain);
                return domain;
            }
        };
        root.requiredList(STAFF_SENDER_DOMAINS, "domain names").ifPresent(list -> list.scalars(staffDomain));
        return domains;
    }

    private static Map<String, StaffRoute> routes(YamlMap root, List<String> gatewayDomains, Set<String> declared) {
        Map<String, StaffRoute> routes = new LinkedHashMap<>();
        Map<String, String> firstUse = new HashMap<>();
        root.requiredList(ROUTES, "staff routes").ifPresent(list -> {
            for (YamlMap item : list.maps(ID, ADDRESS, DISPLAY_NAME)) {
                Optional<String> id = item.required(ID, ROUTE_ID);
                id.ifPresent(declared::add);
                boolean unique = id.map(valid -> refuseDuplicate("route", valid, item, firstUse)).orElse(false);
                Optional<String> address = item.required(ADDRESS, ValueTypes.emailAddress());
                address.filter(valid -> gatewayDomains.contains(PolicyValueTypes.domainOf(valid)))
                        .ifPresent(inside -> item.problems().add(item.line(ADDRESS), item.pathOf(ADDRESS),
                                "'" + inside + "' is an address of the gateway itself; expected the staff's address"
                                        + " outside the gateway, such as eco@staff.example"));
                Optional<String> displayName = item.required(DISPLAY_NAME, DISPLAY_NAME_TYPE);
                if (unique && address.isPresent() && displayName.isPresent()) {
                    routes.put(id.get(), new StaffRoute(id.get(), address.get(), displayName.get()));
                }
            }
        });
        return routes;
    }

    private static List<Topic> topics(YamlMap root, Set<String> routes, Optional<Programs> programs) {
        List<Topic> topics = new ArrayList<>();
        if (!root.has(TOPICS)) {
            return topics;
        }
        Map<String, String> firstUse = new HashMap<>();
        Map<String, String> firstLabel = new HashMap<>();
        root.requiredListOrEmpty(TOPICS, "topics").ifPresent(list -> {
            for (YamlMap item : list.maps(ID, PROGRAM, LABEL, ROUTE)) {
                Optional<String> id = item.required(ID, TOPIC_ID).filter(valid -> notReserved(valid, item));
                boolean unique = id.map(valid -> refuseDuplicate("topic", valid, item, firstUse)).orElse(false);
                Optional<String> program = item.required(PROGRAM, ProgramsFile.ID_TYPE)
                        .filter(valid -> programExists(valid, item, programs));
                Optional<String> label = item.required(LABEL, LABEL_TYPE);
                if (program.isPresent() && label.isPresent()) {
                    refuseDuplicateLabel(program.get(), label.get(), item, firstLabel);
                }
                Optional<String> route = item.required(ROUTE, ROUTE_ID).filter(valid -> routeExists(valid, item, routes));
                if (unique && program.isPresent() && label.isPresent() && route.isPresent()) {
                    topics.add(new Topic(id.get(), program.get(), label.get(), route.get()));
                }
            }
        });
        return topics;
    }

    private static boolean notReserved(String id, YamlMap item) {
        if (RESERVED_TOPIC_IDS.contains(id) || id.startsWith(RESERVED_TOPIC_PREFIX)) {
            item.problems().add(item.line(ID), item.pathOf(ID), "'" + id + "' is reserved (postmaster, abuse,"
                    + " mailer-daemon and ids starting with 'reply' have another use); choose another topic id");
            return false;
        }
        return true;
    }

    /** The program must exist; when programs.yaml itself had errors they are reported there, not repeated here. */
    private static boolean programExists(String programId, YamlMap item, Optional<Programs> programs) {
        if (programs.isEmpty() || programs.get().find(programId).isPresent()) {
            return true;
        }
        item.problems().add(item.line(PROGRAM), item.pathOf(PROGRAM), "unknown program '" + programId
                + "'; programs.yaml defines: " + String.join(", ",
                programs.get().all().stream().map(Program::id).toList()));
        return false;
    }

    private static boolean routeExists(String routeId, YamlMap item, Set<String> routes) {
        if (routes.contains(routeId)) {
            return true;
        }
        item.problems().add(item.line(ROUTE), item.pathOf(ROUTE), "unknown route '" + routeId + "'; expected the"
                + " id of a route listed under routes" + (routes.isEmpty() ? "" : ": " + String.join(", ", routes)));
        return false;
    }

    private static void refuseDuplicateLabel(String program, String label, YamlMap item, Map<String, String> first) {
        String previous = first.putIfAbsent(program + "\n" + label, item.path() + " on line " + item.line(LABEL));
        if (previous != null) {
            item.problems().add(item.line(LABEL), item.pathOf(LABEL), "duplicate label '" + label + "' in program "
                    + program + "; already used by " + previous + " (citizens could not tell the topics apart)");
        }
    }

    private static boolean refuseDuplicate(String what, String id, YamlMap item, Map<String, String> firstUse) {
        String first = firstUse.putIfAbsent(id, item.path() + " on line " + item.line(ID));
        if (first != null) {
            item.problems().add(item.line(ID), item.pathOf(ID), "duplicate " + what + " id '" + id
                    + "'; already used by " + first + " (each " + what + " needs its own id)");
            return false;
        }
        return true;
    }
}
