package org.smg.gateway.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InvitationStoreTest {
    private static final Instant CREATED = Instant.parse("2024-06-01T10:00:00Z");

    private InvitationStore store;

    @BeforeEach
    void setUp() throws Exception {
        store = EnrollmentWorld.fresh().links;
    }

    @Test
    void findShouldReturnEveryFieldByIdAndByTokenHashWhenInserted() throws Exception {
        Invitation business = new Invitation("id-business", LinkPurpose.INVITATION, "acme.llc@gateway.test", Optional.of("LB&I"),
            "cfo@acme.example", "Pat Smith", Optional.of(new BusinessIdentity("12-3456789", "Acme LLC")), LinkTokens.hash("token-1"),
            CREATED, CREATED.plus(Duration.ofDays(30)), InvitationState.PENDING, 0, "admin:alice");

        store.insert(business);

        assertThat(store.findById("id-business")).contains(business);
        assertThat(store.findByTokenHash(LinkTokens.hash("token-1"))).contains(business);
        assertThat(store.findByTokenHash(LinkTokens.hash("token-2"))).isEmpty();
    }

    @Test
    void transitionShouldSucceedOnceWhenTwoRequestsMoveTheSameLink() throws Exception {
        store.insert(link("id-1", LinkPurpose.INVITATION, "jane@gateway.test", CREATED));

        boolean first = store.transition("id-1", InvitationState.PENDING, InvitationState.USED);
        boolean second = store.transition("id-1", InvitationState.PENDING, InvitationState.USED);
        boolean revokeUsed = store.transition("id-1", InvitationState.PENDING, InvitationState.REVOKED);

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(revokeUsed).isFalse();
        assertThat(store.findById("id-1").orElseThrow().state()).isEqualTo(InvitationState.USED);
    }

    @Test
    void countFailedTryShouldReturnTheCountAfterEachTry() throws Exception {
        store.insert(link("id-1", LinkPurpose.INVITATION, "jane@gateway.test", CREATED));

        int first = store.countFailedTry("id-1");
        int second = store.countFailedTry("id-1");

        assertThat(first).isEqualTo(1);
        assertThat(second).isEqualTo(2);
        assertThat(store.findById("id-1").orElseThrow().failedTries()).isEqualTo(2);
    }

    @Test
    void pendingForShouldListOnlyPendingLinksOfThePurposeAndAddress() throws Exception {
        store.insert(link("old", LinkPurpose.INVITATION, "Jane@Gateway.test", CREATED));
        store.insert(link("new", LinkPurpose.INVITATION, "jane@gateway.test", CREATED.plusSeconds(60)));
        store.insert(link("used", LinkPurpose.INVITATION, "jane@gateway.test", CREATED));
        store.insert(link("reset", LinkPurpose.PASSWORD_RESET, "jane@gateway.test", CREATED));
        store.insert(link("otto", LinkPurpose.INVITATION, "otto@gateway.test", CREATED));
        store.transition("used", InvitationState.PENDING, InvitationState.USED);

        assertThat(store.pendingFor("JANE@gateway.test", LinkPurpose.INVITATION)).extracting(Invitation::id).containsExactly("new", "old");
        assertThat(store.pendingFor("jane@gateway.test", LinkPurpose.PASSWORD_RESET)).extracting(Invitation::id).containsExactly("reset");
    }

    @Test
    void listShouldGiveOnePurposeNewestFirst() throws Exception {
        store.insert(link("first", LinkPurpose.INVITATION, "a@gateway.test", CREATED));
        store.insert(link("second", LinkPurpose.INVITATION, "b@gateway.test", CREATED.plusSeconds(1)));
        store.insert(link("reset", LinkPurpose.PASSWORD_RESET, "a@gateway.test", CREATED.plusSeconds(2)));

        assertThat(store.list(LinkPurpose.INVITATION)).extracting(Invitation::id).containsExactly("second", "first");
        assertThat(store.list(LinkPurpose.PASSWORD_RESET)).extracting(Invitation::id).containsExactly("reset");
    }

    @Test
    void stateAtShouldReportAPendingLinkAsExpiredFromItsExpiryOn() {
        Invitation pending = link("id-1", LinkPurpose.INVITATION, "jane@gateway.test", CREATED);

        assertThat(pending.stateAt(pending.expires().minusMillis(1))).isEqualTo(InvitationState.PENDING);
        assertThat(pending.stateAt(pending.expires())).isEqualTo(InvitationState.EXPIRED);
        assertThat(pending.withState(InvitationState.USED).stateAt(pending.expires())).isEqualTo(InvitationState.USED);
    }

    private static Invitation link(String id, LinkPurpose purpose, String address, Instant created) {
        return new Invitation(id, purpose, address, purpose == LinkPurpose.INVITATION ? Optional.of("ECO") : Optional.empty(),
            "jane@example.net", "Jane Doe", Optional.empty(), LinkTokens.hash(id), created, created.plus(Duration.ofDays(30)),
            InvitationState.PENDING, 0, "admin:alice");
    }
}
