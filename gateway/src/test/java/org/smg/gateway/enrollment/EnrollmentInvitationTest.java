package org.smg.gateway.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.james.core.Username;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Invitations and registration from them, on the real database, audit trail and users repository. */
class EnrollmentInvitationTest {
    private static final String PASSWORD = "correct horse battery";

    private EnrollmentWorld world;
    private Enrollment enrollment;
    private ExecutorService threads;

    @BeforeEach
    void setUp() throws Exception {
        world = EnrollmentWorld.fresh();
        enrollment = world.enrollment;
        threads = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void tearDown() {
        threads.shutdownNow();
    }

    @Test
    void inviteShouldCreateAnInvitedAccountWithAnAddressFromTheNameWhenThePersonIsNew() throws Exception {
        IssuedLink issued = world.invite("Jane@Example.net", "Jane Doe");

        Account account = enrollment.account("jane.doe@gateway.test");
        assertThat(account.state()).isEqualTo(AccountState.INVITED);
        assertThat(account.email()).isEqualTo("jane@example.net");
        assertThat(account.displayName()).isEqualTo("Jane Doe");
        assertThat(account.programs()).isEmpty();
        assertThat(issued.link()).startsWith("https://secure.gateway.test:8443/register/");
        assertThat(LinkTokens.looksLikeToken(EnrollmentWorld.token(issued))).isTrue();
        assertThat(issued.invitation().tokenHash()).isEqualTo(LinkTokens.hash(EnrollmentWorld.token(issued)));
        assertThat(issued.invitation().expires()).isEqualTo(EnrollmentWorld.START.plus(Duration.ofDays(30)));
        assertThat(world.notices.of("invitation")).containsExactly(
            new EnrollmentWorld.Sent("invitation", "jane.doe@gateway.test", "jane@example.net", issued.link()));
        assertThat(world.auditLines("INVITATION_CREATED")).singleElement().asString()
            .contains("\"actor\":\"admin:alice\"", "\"objectId\":\"" + issued.invitation().id() + "\"", "address=jane.doe@gateway.test")
            .doesNotContain(EnrollmentWorld.token(issued));
    }

    @Test
    void inviteShouldNumberTheAddressWhenTheNameIsTaken() throws Exception {
        world.invite("jane1@example.net", "Jane Doe");
        world.invite("jane2@example.net", "Jane Doe");
        world.invite("jane3@example.net", "Jane  DOE");

        assertThat(enrollment.accounts(Optional.empty())).extracting(Account::address)
            .containsExactly("jane.doe2@gateway.test", "jane.doe3@gateway.test", "jane.doe@gateway.test");
    }

    @Test
    void inviteShouldNotGiveANewPersonTheAddressOfAnExistingJamesUser() throws Exception {
        world.users.addUser(Username.of("jane.doe@gateway.test"), "someone else's password");

        world.invite("jane@example.net", "Jane Doe");

        assertThat(enrollment.find("jane.doe@gateway.test")).isEmpty();
        assertThat(enrollment.find("jane.doe2@gateway.test")).isPresent();
    }

    @Test
    void inviteShouldNotHandOutAReservedMailboxNameWhenTheNameSpellsOne() throws Exception {
        world.invite("pm@example.net", "Postmaster");

        assertThat(enrollment.accounts(Optional.empty())).extracting(Account::address).containsExactly("postmaster2@gateway.test");
    }

    @Test
    void inviteShouldTakeTheAddressFromTheEntityNameWhenTheInvitationIsForABusiness() throws Exception {
        IssuedLink issued = world.inviteBusiness("cfo@acme.example", "Pat Smith", "12-3456789", "Acme Widgets, LLC");

        Account account = enrollment.account("acme.widgets.llc@gateway.test");
        assertThat(account.business()).contains(new BusinessIdentity("12-3456789", "Acme Widgets, LLC"));
        assertThat(issued.invitation().business()).contains(new BusinessIdentity("12-3456789", "Acme Widgets, LLC"));
        assertThat(issued.invitation().program()).contains("LB&I");
    }

    @Test
    void inviteShouldRefuseABusinessWhenTheEinIsMalformedOrNeverAssigned() {
        for (String ein : List.of("123456789", "12-345678", "12-34567890", "ab-cdefghi", "00-1234567", " 12-3456789")) {
            assertThatThrownBy(() -> world.inviteBusiness("cfo@acme.example", "Pat Smith", ein, "Acme Widgets"))
                .as(ein)
                .isInstanceOfSatisfying(EnrollmentException.class, e -> {
                    assertThat(e.kind()).isEqualTo(EnrollmentException.Kind.INVALID);
                    assertThat(e.getMessage()).startsWith("'ein' ");
                });
        }
    }

    @Test
    void inviteShouldRefuseABusinessWhenOnlyTheEinOrOnlyTheEntityNameIsGiven() {
        assertThatThrownBy(() -> enrollment.invite(new InvitationRequest("ECO", "cfo@acme.example", "Pat", Optional.of("12-3456789"),
            Optional.empty()), "admin:alice"))
            .isInstanceOf(EnrollmentException.class).hasMessageContaining("needs both 'ein' and 'entityName'");
        assertThatThrownBy(() -> enrollment.invite(new InvitationRequest("ECO", "cfo@acme.example", "Pat", Optional.empty(),
            Optional.of("Acme")), "admin:alice"))
            .isInstanceOf(EnrollmentException.class).hasMessageContaining("needs both 'ein' and 'entityName'");
    }

    @Test
    void inviteShouldRefuseWhenTheProgramEmailOrNameIsMissingOrWrong() throws Exception {
        List<InvitationRequest> bad = List.of(
            new InvitationRequest("NOPE", "jane@example.net", "Jane", Optional.empty(), Optional.empty()),
            new InvitationRequest(null, "jane@example.net", "Jane", Optional.empty(), Optional.empty()),
            new InvitationRequest("ECO", "not an email", "Jane", Optional.empty(), Optional.empty()),
            new InvitationRequest("ECO", "jane@example.net", " ", Optional.empty(), Optional.empty()),
            new InvitationRequest("ECO", "jane@example.net", "Jane\nDoe", Optional.empty(), Optional.empty()));

        for (InvitationRequest request : bad) {
            assertThatThrownBy(() -> enrollment.invite(request, "admin:alice")).as(request.toString())
                .isInstanceOfSatisfying(EnrollmentException.class, e -> assertThat(e.kind()).isEqualTo(EnrollmentException.Kind.INVALID));
        }
        assertThat(enrollment.accounts(Optional.empty())).isEmpty();
        assertThat(world.auditLines()).isEmpty();
    }

    @Test
    void inviteShouldRevokeTheEarlierPendingInvitationWhenThePersonIsInvitedAgain() throws Exception {
        IssuedLink first = world.invite("jane@example.net", "Jane Doe");

        IssuedLink second = world.invite("JANE@example.net", "Jane Doe");

        assertThat(second.invitation().address()).isEqualTo(first.invitation().address());
        assertThat(enrollment.accounts(Optional.empty())).hasSize(1);
        assertThatThrownBy(() -> enrollment.open(EnrollmentWorld.token(first), LinkPurpose.INVITATION))
            .isInstanceOfSatisfying(LinkRefused.class, e -> assertThat(e.reason()).isEqualTo(LinkRefused.Reason.REVOKED));
        assertThat(enrollment.open(EnrollmentWorld.token(second), LinkPurpose.INVITATION).id()).isEqualTo(second.invitation().id());
        assertThat(enrollment.invitations(Optional.of(InvitationState.PENDING))).extracting(Invitation::id)
            .containsExactly(second.invitation().id());
        assertThat(world.auditLines("INVITATION_REVOKED")).singleElement().asString()
            .contains("\"objectId\":\"" + first.invitation().id() + "\"", "\"outcome\":\"superseded\"");
    }

    @Test
    void revokeShouldRefuseTheLinkAndAnswerConflictWhenRevokedTwice() throws Exception {
        IssuedLink issued = world.invite("jane@example.net", "Jane Doe");

        enrollment.revoke(issued.invitation().id(), "admin:bob");

        assertThatThrownBy(() -> world.enrollment.register(EnrollmentWorld.token(issued), PASSWORD, null, null, "192.0.2.1"))
            .isInstanceOfSatisfying(LinkRefused.class, e -> assertThat(e.reason()).isEqualTo(LinkRefused.Reason.REVOKED));
        assertThatThrownBy(() -> enrollment.revoke(issued.invitation().id(), "admin:bob"))
            .isInstanceOfSatisfying(EnrollmentException.class, e -> assertThat(e.kind()).isEqualTo(EnrollmentException.Kind.CONFLICT));
        assertThatThrownBy(() -> enrollment.revoke("no-such-id", "admin:bob"))
            .isInstanceOfSatisfying(EnrollmentException.class, e -> assertThat(e.kind()).isEqualTo(EnrollmentException.Kind.NOT_FOUND));
        assertThat(world.auditLines("INVITATION_REVOKED")).singleElement().asString()
            .contains("\"actor\":\"admin:bob\"", "\"outcome\":\"revoked\"");
    }

    @Test
    void openShouldRefuseAsUnknownWhenTheTokenIsGarbageOrOfAnotherPurpose() throws Exception {
        world.active("jane@example.net", "Jane Doe", PASSWORD);
        IssuedLink reset = enrollment.issuePasswordReset("jane.doe@gateway.test", "admin:alice");

        for (String token : new String[] {"", "short", "x".repeat(43), EnrollmentWorld.token(reset)}) {
            assertThatThrownBy(() -> enrollment.open(token, LinkPurpose.INVITATION)).as(token)
                .isInstanceOfSatisfying(LinkRefused.class, e -> assertThat(e.reason()).isEqualTo(LinkRefused.Reason.UNKNOWN));
        }
    }

    @Test
    void registerShouldActivateSetThePasswordPlaceTheWelcomeAndAuditWhenTheInvitationIsPending() throws Exception {
        IssuedLink issued = world.invite("jane@example.net", "Jane Doe");

        Account account = enrollment.register(EnrollmentWorld.token(issued), PASSWORD, null, null, "192.0.2.10");

        assertThat(account.state()).isEqualTo(AccountState.ACTIVE);
        assertThat(account.programs()).containsExactly("ECO");
        assertThat(enrollment.account("jane.doe@gateway.test")).isEqualTo(account);
        assertThat(world.users.test(Username.of("jane.doe@gateway.test"), PASSWORD)).isTrue();
        assertThat(world.users.test(Username.of("jane.doe@gateway.test"), "another password")).isFalse();
        assertThat(world.welcome.delivered).containsExactly("jane.doe@gateway.test ECO");
        assertThat(enrollment.access("jane.doe@gateway.test")).isEqualTo(LoginAccess.TERMS_REQUIRED);
        assertThat(enrollment.invitation(issued.invitation().id()).orElseThrow().state()).isEqualTo(InvitationState.USED);
        assertThat(world.auditLines("INVITATION_USED")).singleElement().asString()
            .contains("\"actor\":\"user:jane.doe@gateway.test\"", "\"objectId\":\"" + issued.invitation().id() + "\"", "client=192.0.2.10");
        assertThat(world.auditLines("ACCOUNT_REGISTERED")).singleElement().asString()
            .contains("\"objectId\":\"jane.doe@gateway.test\"", "\"outcome\":\"registered\"", "program=ECO");
    }

    @Test
    void registerShouldRefuseAsUsedWhenTheLinkWasAlreadyUsed() throws Exception {
        IssuedLink issued = world.invite("jane@example.net", "Jane Doe");
        enrollment.register(EnrollmentWorld.token(issued), PASSWORD, null, null, "192.0.2.10");

        assertThatThrownBy(() -> enrollment.register(EnrollmentWorld.token(issued), "a different password", null, null, "192.0.2.66"))
            .isInstanceOfSatisfying(LinkRefused.class, e -> assertThat(e.reason()).isEqualTo(LinkRefused.Reason.USED));
        assertThat(world.users.test(Username.of("jane.doe@gateway.test"), PASSWORD)).isTrue();
        assertThat(world.welcome.delivered).hasSize(1);
        assertThat(world.auditLines("INVITATION_REFUSED")).singleElement().asString()
            .contains("\"actor\":\"client:192.0.2.66\"", "\"outcome\":\"used\"", "purpose=invitation");
    }

    @Test
    void registerShouldGiveTheAccountTheBusinessIdentityWhenTheSamePersonIsInvitedAgainAsABusiness() throws Exception {
        world.invite("cfo@acme.example", "Pat Smith");
        IssuedLink business = world.inviteBusiness("cfo@acme.example", "Pat Smith", "12-3456789", "Acme Widgets LLC");

        Account account = enrollment.register(EnrollmentWorld.token(business), PASSWORD, "12-3456789", "Acme Widgets LLC", "192.0.2.77");

        assertThat(account.business()).contains(new BusinessIdentity("12-3456789", "Acme Widgets LLC"));
        assertThat(enrollment.account(account.address()).business()).contains(new BusinessIdentity("12-3456789", "Acme Widgets LLC"));
    }

    @Test
    void registerShouldLetExactlyOneWinWhenTwoClientsRaceWithTheSameToken() throws Exception {
        String token = EnrollmentWorld.token(world.invite("jane@example.net", "Jane Doe"));
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> outcomes = new ArrayList<>();

        for (String password : List.of("first racer password", "second racer password")) {
            Callable<String> racer = () -> {
                go.await();
                try {
                    enrollment.register(token, password, null, null, "192.0.2.1");
                    return "registered " + password;
                } catch (LinkRefused e) {
                    return e.reason().name();
                }
            };
            outcomes.add(threads.submit(racer));
        }
        go.countDown();
        List<String> results = List.of(outcomes.get(0).get(), outcomes.get(1).get());

        assertThat(results).containsOnlyOnce("USED").anySatisfy(result -> assertThat(result).startsWith("registered "));
        String winner = results.stream().filter(result -> result.startsWith("registered ")).findFirst().orElseThrow().substring(11);
        assertThat(world.users.test(Username.of("jane.doe@gateway.test"), winner)).isTrue();
        assertThat(world.welcome.delivered).hasSize(1);
        assertThat(world.auditLines("INVITATION_USED")).hasSize(1);
    }

    @Test
    void registerShouldRefuseAsExpiredWhenTheProgramsInvitationLifetimeHasPassed() throws Exception {
        IssuedLink issued = world.invite("jane@example.net", "Jane Doe");
        String token = EnrollmentWorld.token(issued);

        world.clock.advance(Duration.ofDays(30).minusSeconds(1));
        Invitation stillOpen = enrollment.open(token, LinkPurpose.INVITATION);
        world.clock.advance(Duration.ofSeconds(1));

        assertThat(stillOpen.id()).isEqualTo(issued.invitation().id());
        assertThatThrownBy(() -> enrollment.register(token, PASSWORD, null, null, "192.0.2.10"))
            .isInstanceOfSatisfying(LinkRefused.class, e -> assertThat(e.reason()).isEqualTo(LinkRefused.Reason.EXPIRED));
        assertThat(enrollment.invitations(Optional.of(InvitationState.EXPIRED))).extracting(Invitation::id)
            .containsExactly(issued.invitation().id());
        assertThat(enrollment.account("jane.doe@gateway.test").state()).isEqualTo(AccountState.INVITED);
    }

    @Test
    void registerShouldRefuseAndKeepTheInvitationWhenThePasswordBreaksTheRules() throws Exception {
        String token = EnrollmentWorld.token(world.invite("jane@example.net", "Jane Doe"));

        assertThatThrownBy(() -> enrollment.register(token, "too short", null, null, "192.0.2.10"))
            .isInstanceOfSatisfying(EnrollmentException.class, e -> assertThat(e.kind()).isEqualTo(EnrollmentException.Kind.INVALID));
        assertThatThrownBy(() -> enrollment.register(token, "my name is jane.doe, hi", null, null, "192.0.2.10"))
            .isInstanceOf(EnrollmentException.class).hasMessage("The password contains your address.");
        Account account = enrollment.register(token, PASSWORD, null, null, "192.0.2.10");

        assertThat(account.state()).isEqualTo(AccountState.ACTIVE);
    }

    @Test
    void registerShouldLeaveTheInvitationUsableWithTriesLeftWhenTheBusinessIdentityIsWrongFourTimes() throws Exception {
        String token = EnrollmentWorld.token(world.inviteBusiness("cfo@acme.example", "Pat Smith", "12-3456789", "Acme Widgets LLC"));
        List<Integer> triesLeft = new ArrayList<>();

        for (String ein : List.of("12-3456780", "12-3456781", "98-7654321", "12-3456789")) {
            try {
                enrollment.register(token, PASSWORD, ein, ein.equals("12-3456789") ? "Acme Gadgets LLC" : "Acme Widgets LLC", "192.0.2.77");
            } catch (WrongBusinessIdentity e) {
                triesLeft.add(e.triesLeft());
            }
        }
        Account account = enrollment.register(token, PASSWORD, " 12-3456789 ", "  acme   WIDGETS llc ", "192.0.2.77");

        assertThat(triesLeft).containsExactly(4, 3, 2, 1);
        assertThat(account.state()).isEqualTo(AccountState.ACTIVE);
        assertThat(world.auditLines("INVITATION_REFUSED")).hasSize(4)
            .allSatisfy(line -> assertThat(line).contains("\"actor\":\"client:192.0.2.77\"", "\"outcome\":\"wrong-business-identity\""));
    }

    @Test
    void registerShouldLockTheInvitationWhenTheBusinessIdentityIsWrongFiveTimes() throws Exception {
        IssuedLink issued = world.inviteBusiness("cfo@acme.example", "Pat Smith", "12-3456789", "Acme Widgets LLC");
        String token = EnrollmentWorld.token(issued);
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> enrollment.register(token, PASSWORD, "12-0000000", "Acme Widgets LLC", "192.0.2.77"))
                .isInstanceOf(WrongBusinessIdentity.class);
        }

        Throwable fifth = org.assertj.core.api.Assertions.catchThrowable(
            () -> enrollment.register(token, PASSWORD, "12-0000000", "Acme Widgets LLC", "192.0.2.77"));
        Throwable rightAfterwards = org.assertj.core.api.Assertions.catchThrowable(
            () -> enrollment.register(token, PASSWORD, "12-3456789", "Acme Widgets LLC", "192.0.2.77"));

        assertThat(fifth).isInstanceOfSatisfying(LinkRefused.class, e -> assertThat(e.reason()).isEqualTo(LinkRefused.Reason.LOCKED));
        assertThat(rightAfterwards).isInstanceOfSatisfying(LinkRefused.class, e -> assertThat(e.reason()).isEqualTo(LinkRefused.Reason.LOCKED));
        assertThat(enrollment.invitation(issued.invitation().id()).orElseThrow().state()).isEqualTo(InvitationState.LOCKED);
        assertThat(enrollment.account("acme.widgets.llc@gateway.test").state()).isEqualTo(AccountState.INVITED);
        assertThat(world.users.contains(Username.of("acme.widgets.llc@gateway.test"))).isFalse();
        assertThat(world.auditLines("INVITATION_REFUSED"))
            .anySatisfy(line -> assertThat(line).contains("\"outcome\":\"locked\"", "tries=5"))
            .last().asString().contains("\"outcome\":\"locked\"", "purpose=invitation");
    }
}
