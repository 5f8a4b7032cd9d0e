package org.smg.policies.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.smg.policies.settings.SettingsException;

class RoutingFileTest {

    /** One valid routing policy; line numbers matter to the tests, which edit it line for line. */
    static final String ROUTING = String.join("\n",
            "staffSenderDomains:",                 // 1
            "  - staff.example",                   // 2
            "routes:",                             // 3
            "  - id: eco-team",                    // 4
            "    address: eco@staff.example",      // 5
            "    displayName: ECO team",           // 6
            "topics:",                             // 7
            "  - id: eco-credits",                 // 8
            "    program: ECO",                    // 9
            "    label: Clean energy credits",     // 10
            "    route: eco-team",                 // 11
            "");

    private static final String TOPIC_ID = "a topic id of lower-case letters, digits and '-' (not first or last),"
            + " 1 to 32 characters, such as eco-credits";
    private static final String DISPLAY_NAME = "one line of at most 64 characters, without control characters or"
            + " any of @<>\"\\";
    private static final String DOMAIN = "a domain name such as staff.example (dot-separated labels of letters,"
            + " digits and '-')";

    @TempDir
    Path directory;

    private Path withRouting(String routingYaml) {
        PolicyDirectories.withPrograms(directory, PolicyDirectories.ONE_PROGRAM);
        return PolicyDirectories.withFile(directory, "routing.yaml", routingYaml);
    }

    private static String routingWith(String find, String replacement) {
        if (!ROUTING.contains(find)) {
            throw new IllegalArgumentException("not in the template: " + find);
        }
        return ROUTING.replace(find, replacement);
    }

    @Test
    void loadShouldGiveTopicsRoutesAndStaffDomainsWhenTheFileIsValid() throws SettingsException {
        withRouting(ROUTING);

        Routing routing = PolicyDirectories.loadForGateway(directory).routing();

        Topic topic = routing.topic("eco-credits").orElseThrow();
        assertThat(topic).isEqualTo(new Topic("eco-credits", "ECO", "Clean energy credits", "eco-team"));
        assertThat(routing.routeOf(topic)).isEqualTo(new StaffRoute("eco-team", "eco@staff.example", "ECO team"));
        assertThat(routing.topicsOf("ECO")).containsExactly(topic);
        assertThat(routing.topicsOf("LB&I")).isEmpty();
        assertThat(routing.routeByAddress("ECO@staff.example")).map(StaffRoute::id).contains("eco-team");
        assertThat(routing.allowsStaffSenderDomain("Staff.Example")).isTrue();
        assertThat(routing.allowsStaffSenderDomain("sub.staff.example")).isFalse();
    }

    @Test
    void loadShouldRefuseExternalAddressMailWhenTheSwitchIsAbsentAndKeepItInsideWhenItIsTrue() throws SettingsException {
        withRouting(ROUTING);
        boolean absent = PolicyDirectories.loadForGateway(directory).routing().externalAddressToSecureInbox();
        withRouting(routingWith("routes:", "externalAddressToSecureInbox: true\nroutes:"));

        boolean on = PolicyDirectories.loadForGateway(directory).routing().externalAddressToSecureInbox();

        assertThat(absent).isFalse();
        assertThat(on).isTrue();
        assertThat(Routing.none().externalAddressToSecureInbox()).isFalse();
    }

    @Test
    void loadShouldHaveNoTopicsRoutesOrStaffDomainsWhenTheFileIsAbsent() throws SettingsException {
        PolicyDirectories.withPrograms(directory, PolicyDirectories.ONE_PROGRAM);

        Routing routing = PolicyLoader.load(directory).routing();

        assertThat(routing.topics()).isEmpty();
        assertThat(routing.routes()).isEmpty();
        assertThat(routing.staffSenderDomains()).isEmpty();
        assertThat(routing.allowsStaffSenderDomain("staff.example")).isFalse();
    }

    @Test
    void loadShouldAcceptAnEmptyTopicListSoCitizensCanOnlyReply() throws SettingsException {
        withRouting(ROUTING.substring(0, ROUTING.indexOf("topics:")) + "topics: []\n");

        assertThat(PolicyLoader.load(directory).routing().topics()).isEmpty();
    }

    @Test
    void loadShouldReportAllThreeErrorsWithTheirLinesWhenTheFileHasThree() {
        withRouting(routingWith("eco@staff.example", "eco@gateway.example")
                .replace("  - id: eco-credits", "  - id: Eco-Credits")
                .replace("program: ECO", "program: XYZ"));

        assertThat(PolicyDirectories.gatewayErrors(directory)).containsExactly(
                "routing.yaml:5: routes[0].address: 'eco@gateway.example' is an address of the gateway itself;"
                        + " expected the staff's address outside the gateway, such as eco@staff.example",
                "routing.yaml:8: topics[0].id: expected " + TOPIC_ID + ", got 'Eco-Credits'",
                "routing.yaml:9: topics[0].program: unknown program 'XYZ'; programs.yaml defines: ECO");
    }

    @Test
    void loadShouldReportErrorsOfProgramsAndRoutingTogether() {
        PolicyDirectories.withPrograms(directory, PolicyDirectories.oneProgramWith("eco@staff.example", "eco"));
        PolicyDirectories.withFile(directory, "routing.yaml", routingWith("route: eco-team", "route: nowhere"));

        assertThat(PolicyDirectories.errors(directory)).containsExactly(
                "programs.yaml:4: programs[0].staffAddress: expected an email address such as eco@staff.example,"
                        + " got 'eco'",
                "routing.yaml:11: topics[0].route: unknown route 'nowhere'; expected the id of a route listed under"
                        + " routes: eco-team");
    }

    static Stream<Arguments> fieldErrors() {
        return Stream.of(
                arguments("  - staff.example", "  - staff",
                        "routing.yaml:2: staffSenderDomains[0]: expected " + DOMAIN + ", got 'staff'"),
                arguments("  - staff.example", "  - staff.example\n  - STAFF.example",
                        "routing.yaml:3: staffSenderDomains[1]: duplicate domain 'staff.example'; list each domain once"),
                arguments("  - staff.example", "  - gateway.example",
                        "routing.yaml:2: staffSenderDomains[0]: 'gateway.example' is one of the gateway's own domains;"
                                + " expected a domain of the staff's mail system"),
                arguments("  - staff.example", "  - [staff.example]",
                        "routing.yaml:2: staffSenderDomains[0]: expected " + DOMAIN + ", got a list"),
                arguments("staffSenderDomains:\n  - staff.example\n", "",
                        "routing.yaml:1: staffSenderDomains: missing field; expected a list of domain names"
                                + " (at least one)"),
                arguments("    address: eco@staff.example", "    address: eco",
                        "routing.yaml:5: routes[0].address: expected an email address such as eco@staff.example,"
                                + " got 'eco'"),
                arguments("    displayName: ECO team", "    displayName: \"ECO <eco@staff.example>\"",
                        "routing.yaml:6: routes[0].displayName: expected " + DISPLAY_NAME
                                + ", got 'ECO <eco@staff.example>'"),
                arguments("    displayName: ECO team", "    displayName: \"ECO\\r\\nBcc: x@example.org\"",
                        "routing.yaml:6: routes[0].displayName: expected " + DISPLAY_NAME
                                + ", got 'ECO\\r\\nBcc: x@example.org'"),
                arguments("    displayName: ECO team", "    displayName: " + "n".repeat(65),
                        "routing.yaml:6: routes[0].displayName: expected " + DISPLAY_NAME + ", got 65 characters"),
                arguments("    displayName: ECO team\n", "",
                        "routing.yaml:4: routes[0].displayName: missing field; expected " + DISPLAY_NAME),
                arguments("  - id: eco-credits", "  - id: postmaster",
                        "routing.yaml:8: topics[0].id: 'postmaster' is reserved (postmaster, abuse, mailer-daemon and"
                                + " ids starting with 'reply' have another use); choose another topic id"),
                arguments("  - id: eco-credits", "  - id: reply-eco",
                        "routing.yaml:8: topics[0].id: 'reply-eco' is reserved (postmaster, abuse, mailer-daemon and"
                                + " ids starting with 'reply' have another use); choose another topic id"),
                arguments("  - id: eco-credits", "  - id: " + "t".repeat(33),
                        "routing.yaml:8: topics[0].id: expected " + TOPIC_ID + ", got '" + "t".repeat(33) + "'"),
                arguments("    program: ECO", "    program: eco",
                        "routing.yaml:9: topics[0].program: expected " + ProgramsFile.ID_SYNTAX + ", got 'eco'"),
                arguments("    label: Clean energy credits", "    label: \"Clean\\tcredits\"",
                        "routing.yaml:10: topics[0].label: expected one line of at most 100 characters, without"
                                + " control characters, got 'Clean\tcredits'"),
                arguments("    route: eco-team", "    route: lbi-team",
                        "routing.yaml:11: topics[0].route: unknown route 'lbi-team'; expected the id of a route listed"
                                + " under routes: eco-team"),
                arguments("    route: eco-team", "    route: eco-team\n    queue: 2",
                        "routing.yaml:12: topics[0].queue: unknown field; allowed fields are: id, program, label,"
                                + " route"),
                arguments("topics:", "topic:",
                        "routing.yaml:7: topic: unknown field; allowed fields are: staffSenderDomains,"
                                + " externalAddressToSecureInbox, routes, topics"),
                arguments("routes:", "externalAddressToSecureInbox: yes\nroutes:",
                        "routing.yaml:3: externalAddressToSecureInbox: expected true or false, got 'yes'"));
    }

    @ParameterizedTest
    @MethodSource("fieldErrors")
    void loadShouldNameLineFieldAndWhatIsExpectedWhenAFieldIsWrong(String find, String replacement, String expected) {
        withRouting(routingWith(find, replacement));

        assertThat(PolicyDirectories.gatewayErrors(directory)).containsExactly(expected);
    }

    @Test
    void loadShouldReportABadRouteIdAndTheTopicThatNamesTheIntendedOne() {
        withRouting(routingWith("  - id: eco-team", "  - id: eco_team"));

        assertThat(PolicyDirectories.errors(directory)).containsExactly(
                "routing.yaml:4: routes[0].id: expected a route id of lower-case letters, digits and '-'"
                        + " (not first or last), 1 to 32 characters, such as eco-credits, got 'eco_team'",
                "routing.yaml:11: topics[0].route: unknown route 'eco-team'; expected the id of a route listed under"
                        + " routes");
    }

    @Test
    void loadShouldRejectDuplicateTopicIdNamingTheFirstTopic() {
        withRouting(ROUTING + "  - id: eco-credits\n    program: ECO\n    label: Other\n    route: eco-team\n");

        assertThat(PolicyDirectories.errors(directory)).containsExactly("routing.yaml:12: topics[1].id: duplicate"
                + " topic id 'eco-credits'; already used by topics[0] on line 8 (each topic needs its own id)");
    }

    @Test
    void loadShouldRejectTwoTopicsWithTheSameLabelInOneProgram() {
        withRouting(ROUTING + "  - id: eco-other\n    program: ECO\n    label: Clean energy credits\n"
                + "    route: eco-team\n");

        assertThat(PolicyDirectories.errors(directory)).containsExactly("routing.yaml:14: topics[1].label: duplicate"
                + " label 'Clean energy credits' in program ECO; already used by topics[0] on line 10 (citizens could"
                + " not tell the topics apart)");
    }

    @Test
    void loadShouldRejectDuplicateRouteId() {
        withRouting(routingWith("topics:", "  - id: eco-team\n    address: eco2@staff.example\n"
                + "    displayName: ECO 2\ntopics:"));

        assertThat(PolicyDirectories.errors(directory)).containsExactly("routing.yaml:7: routes[1].id: duplicate"
                + " route id 'eco-team'; already used by routes[0] on line 4 (each route needs its own id)");
    }

    @Test
    void loadShouldNotCheckAddressesAgainstTheGatewayDomainsWhenTheLoaderWasNotGivenThem() throws SettingsException {
        withRouting(routingWith("eco@staff.example", "eco@gateway.example"));

        assertThat(PolicyLoader.load(directory).routing().routes()).extracting(StaffRoute::address)
                .containsExactly("eco@gateway.example");
    }
}
