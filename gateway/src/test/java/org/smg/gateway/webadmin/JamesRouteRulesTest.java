package org.smg.gateway.webadmin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

class JamesRouteRulesTest {
    private final JamesRouteRules rules = new JamesRouteRules(Set.of("invitations", "accounts", "audit", "admins"));

    @Test
    void decideShouldAllowReadingWhenMethodIsGetHeadOrOptions() {
        assertThat(rules.decide("GET", "/users", null).kind()).isEqualTo(JamesRouteRules.Kind.ALLOW);
        assertThat(rules.decide("HEAD", "/users/a@b", null).kind()).isEqualTo(JamesRouteRules.Kind.ALLOW);
        assertThat(rules.decide("OPTIONS", "/mailQueues", null).kind()).isEqualTo(JamesRouteRules.Kind.ALLOW);
    }

    @Test
    void decideShouldAllowGatewayRoutesWhenTheyChangeSomething() {
        assertThat(rules.decide("POST", "/invitations", null).kind()).isEqualTo(JamesRouteRules.Kind.ALLOW);
        assertThat(rules.decide("DELETE", "/invitations/abc", null).kind()).isEqualTo(JamesRouteRules.Kind.ALLOW);
        assertThat(rules.decide("POST", "/accounts/a@b/suspend", null).kind()).isEqualTo(JamesRouteRules.Kind.ALLOW);
    }

    @Test
    void decideShouldRefuseWithTheInvitationRouteWhenUsersAreCreatedOrDeleted() {
        JamesRouteRules.Decision put = rules.decide("PUT", "/users/a@b", null);
        JamesRouteRules.Decision delete = rules.decide("DELETE", "/users/a@b", null);

        assertThat(put.kind()).isEqualTo(JamesRouteRules.Kind.REFUSE);
        assertThat(put.message()).contains("POST /invitations");
        assertThat(delete.kind()).isEqualTo(JamesRouteRules.Kind.REFUSE);
    }

    @Test
    void decideShouldRefuseWhenJamesRoutesChangeMailboxesQueuesRepositoriesDomainsQuotasOrEvents() {
        assertThat(rules.decide("DELETE", "/users/a@b/mailboxes", null).kind()).isEqualTo(JamesRouteRules.Kind.REFUSE);
        assertThat(rules.decide("DELETE", "/users/a@b/mailboxes/INBOX/messages", null).kind()).isEqualTo(JamesRouteRules.Kind.REFUSE);
        assertThat(rules.decide("POST", "/mailboxes?task=reIndex", null).kind()).isEqualTo(JamesRouteRules.Kind.REFUSE);
        assertThat(rules.decide("DELETE", "/mailQueues/spool/mails", "sender=a@b").kind()).isEqualTo(JamesRouteRules.Kind.REFUSE);
        assertThat(rules.decide("PATCH", "/mailQueues/spool/mails", "delayed=true").kind()).isEqualTo(JamesRouteRules.Kind.REFUSE);
        assertThat(rules.decide("DELETE", "/mailRepositories/var%2Fmail%2Ferror/mails", null).kind()).isEqualTo(JamesRouteRules.Kind.REFUSE);
        assertThat(rules.decide("PUT", "/mailRepositories/memory%3A%2F%2Fx", null).kind()).isEqualTo(JamesRouteRules.Kind.REFUSE);
        assertThat(rules.decide("DELETE", "/domains/gateway.localhost", null).kind()).isEqualTo(JamesRouteRules.Kind.REFUSE);
        assertThat(rules.decide("PUT", "/quota/users/a@b/size", null).kind()).isEqualTo(JamesRouteRules.Kind.REFUSE);
        assertThat(rules.decide("POST", "/events/deadLetter", "action=reDeliver").kind()).isEqualTo(JamesRouteRules.Kind.REFUSE);
        assertThat(rules.decide("PUT", "/address/aliases/a@b/sources/c@b", null).kind()).isEqualTo(JamesRouteRules.Kind.REFUSE);
    }

    @Test
    void decideShouldRefuseWhenTheMethodOrRouteIsUnknown() {
        assertThat(rules.decide("TRACE", "/", null).kind()).isEqualTo(JamesRouteRules.Kind.REFUSE);
        assertThat(rules.decide("POST", "/Invitations", null).kind()).isEqualTo(JamesRouteRules.Kind.REFUSE);
        assertThat(rules.decide("POST", "/somethingNew", null).message()).contains("disabled");
    }

    @Test
    void decideShouldRefuseWhenExtraSlashesHideAJamesRoute() {
        JamesRouteRules.Decision decision = rules.decide("PUT", "//users//a@b", null);

        assertThat(decision.kind()).isEqualTo(JamesRouteRules.Kind.REFUSE);
        assertThat(decision.message()).contains("POST /invitations");
    }

    @Test
    void decideShouldAuditWhenARepositoryIsReleasedThroughTheWholePipeline() {
        assertThat(rules.decide("PATCH", "/mailRepositories/var%2Fmail%2Fheld/mails", "action=reprocess&processor=root").kind())
            .isEqualTo(JamesRouteRules.Kind.AUDIT);
        assertThat(rules.decide("PATCH", "/mailRepositories/var%2Fmail%2Fheld/mails/key-1", "processor=root&action=reprocess").kind())
            .isEqualTo(JamesRouteRules.Kind.AUDIT);
        assertThat(rules.decide("DELETE", "/tasks/1234", null).kind()).isEqualTo(JamesRouteRules.Kind.AUDIT);
    }

    @Test
    void decideShouldRefuseWhenReprocessingNamesAnotherProcessorOrAQueueOrNone() {
        assertThat(rules.decide("PATCH", "/mailRepositories/held/mails", "action=reprocess").kind())
            .isEqualTo(JamesRouteRules.Kind.REFUSE);
        assertThat(rules.decide("PATCH", "/mailRepositories/held/mails", "action=reprocess&processor=root&processor=transport").kind())
            .isEqualTo(JamesRouteRules.Kind.REFUSE);
        assertThat(rules.decide("PATCH", "/mailRepositories/held/mails", "action=reprocess&processor=transport").kind())
            .isEqualTo(JamesRouteRules.Kind.REFUSE);
        assertThat(rules.decide("PATCH", "/mailRepositories/held/mails", "action=reprocess&processor=root&queue=outgoing").kind())
            .isEqualTo(JamesRouteRules.Kind.REFUSE);
        assertThat(rules.decide("PATCH", "/mailRepositories/held/mails", null).kind()).isEqualTo(JamesRouteRules.Kind.REFUSE);
    }

    @Test
    void effectiveMethodShouldBeTheOverrideHeaderWhenPresentAsSparkDoes() {
        assertThat(JamesRouteRules.effectiveMethod("GET", "put")).isEqualTo("PUT");
        assertThat(JamesRouteRules.effectiveMethod("post", null)).isEqualTo("POST");
    }

    @Test
    void refusalJsonShouldBeShapedLikeErrorResponderWhenARouteIsRefused() {
        String json = rules.decide("DELETE", "/domains/x", null).refusalJson();

        assertThat(json).startsWith("{\"statusCode\":403,\"type\":\"InvalidArgument\",\"message\":\"Mail domains come from");
    }
}
