package org.smg.gateway.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.james.core.Username;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smg.gateway.audit.AuditTrails;

/** Terms, states, passwords and the questions other parts ask, on the real database, audit trail and users repository. */
class EnrollmentAccountTest {
    private static final String JANE = "jane.doe@gateway.test";
    private static final String PASSWORD = "correct horse battery";
    private static final String NEW_PASSWORD = "purple staple monsoon";

    private EnrollmentWorld world;
    private Enrollment enrollment;

    @BeforeEach
    void setUp() throws Exception {
        world = EnrollmentWorld.fresh();
        enrollment = world.enrollment;
    }

    @Test
    void acceptTermsShouldRecordTheCanonicalTermsAndAllowAccessWhenTheAccountIsActive() throws Exception {
        world.registered("jane@example.net", "Jane Doe", PASSWORD);
        world.clock.advance(Duration.ofMinutes(5));

        Account accepted = enrollment.acceptTerms(JANE, "ECO=1", "192.0.2.10");

        assertThat(accepted.acceptedTerms()).contains("ECO=1");
        assertThat(accepted.termsAcceptedAt()).contains(EnrollmentWorld.START.plus(Duration.ofMinutes(5)));
        assertThat(enrollment.account(JANE)).isEqualTo(accepted);
        assertThat(enrollment.access(JANE)).isEqualTo(LoginAccess.ALLOWED);
        assertThat(world.auditLines("TERMS_ACCEPTED")).singleElement().asString()
            .contains("\"actor\":\"user:jane.doe@gateway.test\"", "terms=ECO=1 client=192.0.2.10");
    }

    @Test
    void accessShouldRequireTheTermsAgainWhenANewTermsVersionIsPublished() throws Exception {
        world.active("jane@example.net", "Jane Doe", PASSWORD);

        world.publishEcoTermsVersion("2");
        LoginAccess beforeAccepting = enrollment.access(JANE);
        Account accepted = enrollment.acceptTerms(JANE, "ECO=2", "192.0.2.10");

        assertThat(beforeAccepting).isEqualTo(LoginAccess.TERMS_REQUIRED);
        assertThat(accepted.acceptedTerms()).contains("ECO=2");
        assertThat(enrollment.access(JANE)).isEqualTo(LoginAccess.ALLOWED);
    }

    @Test
    void acceptTermsShouldCoverEveryProgramWhenTheCitizenJoinedASecondOne() throws Exception {
        world.active("jane@example.net", "Jane Doe", PASSWORD);
        IssuedLink second = enrollment.invite(new InvitationRequest("TE/GE", "jane@example.net", "Jane Doe", Optional.empty(),
            Optional.empty()), "admin:alice");
        enrollment.register(EnrollmentWorld.token(second), PASSWORD, null, null, "192.0.2.10");

        LoginAccess beforeAccepting = enrollment.access(JANE);
        Account accepted = enrollment.acceptTerms(JANE, "ECO=1;TE/GE=1", "192.0.2.10");

        assertThat(beforeAccepting).isEqualTo(LoginAccess.TERMS_REQUIRED);
        assertThat(accepted.programs()).containsExactly("ECO", "TE/GE");
        assertThat(accepted.acceptedTerms()).contains("ECO=1;TE/GE=1");
    }

    @Test
    void registerShouldRequireTheCurrentPasswordAndKeepItWhenTheInvitationIsForAnActiveInbox() throws Exception {
        world.active("jane@example.net", "Jane Doe", PASSWORD);
        IssuedLink second = enrollment.invite(new InvitationRequest("TE/GE", "jane@example.net", "Jane Doe", Optional.empty(),
            Optional.empty()), "admin:alice");
        String token = EnrollmentWorld.token(second);
        AccountSessions.Registration imap = world.sessions.register(JANE, "imap", why -> { });

        Throwable withNewPassword = org.assertj.core.api.Assertions.catchThrowable(
            () -> enrollment.register(token, NEW_PASSWORD, null, null, "192.0.2.66"));
        Account added = enrollment.register(token, PASSWORD, null, null, "192.0.2.10");

        assertThat(withNewPassword).isInstanceOfSatisfying(EnrollmentException.class, e -> assertThat(e.getMessage())
            .contains("not the current password", JANE));
        assertThat(world.users.test(Username.of(JANE), PASSWORD)).isTrue();
        assertThat(world.users.test(Username.of(JANE), NEW_PASSWORD)).isFalse();
        assertThat(added.programs()).containsExactly("ECO", "TE/GE");
        assertThat(world.sessions.count(JANE)).isEqualTo(1);
        assertThat(world.auditLines("ACCOUNT_REGISTERED")).last().asString().contains("\"outcome\":\"program-added\"", "program=TE/GE");
        imap.close();
    }

    @Test
    void acceptTermsShouldAnswerConflictAndRecordNothingWhenTheTermsChangedWhileTheCitizenWasReading() throws Exception {
        world.registered("jane@example.net", "Jane Doe", PASSWORD);
        world.publishEcoTermsVersion("2");

        assertThatThrownBy(() -> enrollment.acceptTerms(JANE, "ECO=1", "192.0.2.10"))
            .isInstanceOfSatisfying(EnrollmentException.class, e -> assertThat(e.kind()).isEqualTo(EnrollmentException.Kind.CONFLICT));
        assertThat(enrollment.access(JANE)).isEqualTo(LoginAccess.TERMS_REQUIRED);
        assertThat(world.auditLines("TERMS_ACCEPTED")).isEmpty();
    }

    @Test
    void acceptTermsShouldAnswerConflictWhenTheAccountIsNotActive() throws Exception {
        world.invite("jane@example.net", "Jane Doe");

        assertThatThrownBy(() -> enrollment.acceptTerms(JANE, "ECO=1", "192.0.2.10"))
            .isInstanceOfSatisfying(EnrollmentException.class, e -> assertThat(e.kind()).isEqualTo(EnrollmentException.Kind.CONFLICT));
        assertThatThrownBy(() -> enrollment.acceptTerms("nobody@gateway.test", "ECO=1", "192.0.2.10"))
            .isInstanceOfSatisfying(EnrollmentException.class, e -> assertThat(e.kind()).isEqualTo(EnrollmentException.Kind.NOT_FOUND));
    }

    @Test
    void suspendShouldEndEverySessionAndStopAccessAndDeliveryWhenTheAccountIsActive() throws Exception {
        world.active("jane@example.net", "Jane Doe", PASSWORD);
        AtomicInteger ended = openSessions(JANE, 3);

        Account suspended = enrollment.suspend(JANE, "admin:alice");

        assertThat(suspended.state()).isEqualTo(AccountState.SUSPENDED);
        assertThat(ended).hasValue(3);
        assertThat(world.sessions.count(JANE)).isZero();
        assertThat(enrollment.access(JANE)).isEqualTo(LoginAccess.SUSPENDED);
        assertThat(enrollment.recipient(JANE)).isEqualTo(RecipientStatus.SUSPENDED);
        assertThat(world.auditLines("ACCOUNT_SUSPENDED")).singleElement().asString()
            .contains("\"actor\":\"admin:alice\"", "\"outcome\":\"suspended\"", "from=active");
    }

    @Test
    void reactivateShouldRestoreAccessWhenTheAccountIsSuspended() throws Exception {
        world.active("jane@example.net", "Jane Doe", PASSWORD);
        enrollment.suspend(JANE, "admin:alice");

        Account reactivated = enrollment.reactivate(JANE, "admin:bob");

        assertThat(reactivated.state()).isEqualTo(AccountState.ACTIVE);
        assertThat(enrollment.access(JANE)).isEqualTo(LoginAccess.ALLOWED);
        assertThat(world.auditLines("ACCOUNT_REACTIVATED")).singleElement().asString()
            .contains("\"actor\":\"admin:bob\"", "\"outcome\":\"reactivated\"", "from=suspended");
    }

    @Test
    void stateChangesShouldAnswerConflictWhenTheAccountIsNotInTheStateTheyStartFrom() throws Exception {
        world.invite("invited@example.net", "Ivy Invited");
        world.active("jane@example.net", "Jane Doe", PASSWORD);
        world.active("otto@example.net", "Otto Out", PASSWORD);
        enrollment.optOut("otto.out@gateway.test", "admin:alice");

        List<ThrowingCall> refused = List.of(
            () -> enrollment.reactivate(JANE, "admin:alice"),
            () -> enrollment.suspend("ivy.invited@gateway.test", "admin:alice"),
            () -> enrollment.optOut("ivy.invited@gateway.test", "admin:alice"),
            () -> enrollment.reactivate("otto.out@gateway.test", "admin:alice"),
            () -> enrollment.suspend("otto.out@gateway.test", "admin:alice"),
            () -> enrollment.optOut("otto.out@gateway.test", "admin:alice"),
            () -> enrollment.issuePasswordReset("otto.out@gateway.test", "admin:alice"));

        for (ThrowingCall call : refused) {
            assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(EnrollmentException.class, e -> assertThat(e.kind()).isEqualTo(EnrollmentException.Kind.CONFLICT));
        }
        enrollment.suspend(JANE, "admin:alice");
        assertThatThrownBy(() -> enrollment.suspend(JANE, "admin:alice"))
            .isInstanceOfSatisfying(EnrollmentException.class, e -> assertThat(e.kind()).isEqualTo(EnrollmentException.Kind.CONFLICT));
        assertThatThrownBy(() -> world.invite("jane@example.net", "Jane Doe"))
            .isInstanceOfSatisfying(EnrollmentException.class, e -> assertThat(e.kind()).isEqualTo(EnrollmentException.Kind.CONFLICT));
        assertThatThrownBy(() -> enrollment.suspend("nobody@gateway.test", "admin:alice"))
            .isInstanceOfSatisfying(EnrollmentException.class, e -> assertThat(e.kind()).isEqualTo(EnrollmentException.Kind.NOT_FOUND));
    }

    @Test
    void optOutShouldEndSessionsRevokePendingInvitationsAndConfirmWhenTheCitizenLeaves() throws Exception {
        world.active("jane@example.net", "Jane Doe", PASSWORD);
        IssuedLink pending = enrollment.invite(new InvitationRequest("LB&I", "jane@example.net", "Jane Doe", Optional.empty(),
            Optional.empty()), "admin:alice");
        AtomicInteger ended = openSessions(JANE, 2);

        Account optedOut = enrollment.optOut(JANE, "user:" + JANE);

        assertThat(optedOut.state()).isEqualTo(AccountState.OPTED_OUT);
        assertThat(ended).hasValue(2);
        assertThat(enrollment.access(JANE)).isEqualTo(LoginAccess.OPTED_OUT);
        assertThat(enrollment.recipient(JANE)).isEqualTo(RecipientStatus.OPTED_OUT);
        assertThat(world.notices.of("opted-out")).containsExactly(new EnrollmentWorld.Sent("opted-out", JANE, "jane@example.net", null));
        assertThatThrownBy(() -> enrollment.open(EnrollmentWorld.token(pending), LinkPurpose.INVITATION))
            .isInstanceOfSatisfying(LinkRefused.class, e -> assertThat(e.reason()).isEqualTo(LinkRefused.Reason.REVOKED));
        assertThat(world.auditLines("INVITATION_REVOKED")).singleElement().asString().contains("\"outcome\":\"opted-out\"");
        assertThat(world.auditLines("ACCOUNT_OPTED_OUT")).singleElement().asString()
            .contains("\"actor\":\"user:jane.doe@gateway.test\"", "\"outcome\":\"opted-out\"");
    }

    @Test
    void registerShouldReactivateTheSameMailboxWhenAnOptedOutCitizenIsInvitedAgain() throws Exception {
        world.active("jane@example.net", "Jane Doe", PASSWORD);
        enrollment.optOut(JANE, "admin:alice");

        IssuedLink again = world.invite("jane@example.net", "Jane Doe");
        RecipientStatus beforeRegistering = enrollment.recipient(JANE);
        Account back = enrollment.register(EnrollmentWorld.token(again), NEW_PASSWORD, null, null, "192.0.2.10");

        assertThat(again.invitation().address()).isEqualTo(JANE);
        assertThat(beforeRegistering).isEqualTo(RecipientStatus.OPTED_OUT);
        assertThat(back.address()).isEqualTo(JANE);
        assertThat(back.state()).isEqualTo(AccountState.ACTIVE);
        assertThat(enrollment.recipient(JANE)).isEqualTo(RecipientStatus.DELIVERABLE);
        assertThat(world.users.test(Username.of(JANE), NEW_PASSWORD)).isTrue();
        assertThat(world.users.test(Username.of(JANE), PASSWORD)).isFalse();
        assertThat(world.revokedCredentials).containsExactly(JANE + " reactivated");
        assertThat(world.auditLines("ACCOUNT_REACTIVATED")).singleElement().asString()
            .contains("\"actor\":\"user:jane.doe@gateway.test\"", "\"outcome\":\"reactivated\"");
        assertThat(world.auditLines("ACCOUNT_REGISTERED")).hasSize(1);
    }

    @Test
    void registerShouldNotLiftASuspensionWhenAnInvitationIssuedBeforeItIsUsed() throws Exception {
        world.active("jane@example.net", "Jane Doe", PASSWORD);
        IssuedLink second = enrollment.invite(new InvitationRequest("LB&I", "jane@example.net", "Jane Doe", Optional.empty(),
            Optional.empty()), "admin:alice");
        enrollment.suspend(JANE, "admin:alice");

        Throwable refused = org.assertj.core.api.Assertions.catchThrowable(
            () -> enrollment.register(EnrollmentWorld.token(second), NEW_PASSWORD, null, null, "192.0.2.10"));

        assertThat(refused).isInstanceOfSatisfying(LinkRefused.class, e -> assertThat(e.reason()).isEqualTo(LinkRefused.Reason.REVOKED));
        assertThat(enrollment.account(JANE).state()).isEqualTo(AccountState.SUSPENDED);
        assertThat(world.users.test(Username.of(JANE), PASSWORD)).isTrue();
    }

    @Test
    void changePasswordShouldEndTheOtherSessionsKeepTheGivenOneRevokeAppPasswordsAndNotifyWhenTheCurrentPasswordIsRight()
            throws Exception {
        world.active("jane@example.net", "Jane Doe", PASSWORD);
        AtomicInteger others = openSessions(JANE, 2);
        AtomicInteger webEnded = new AtomicInteger();
        AccountSessions.Registration web = world.sessions.register(JANE, "web", why -> webEnded.incrementAndGet());

        enrollment.changePassword(JANE, PASSWORD, NEW_PASSWORD, web, "192.0.2.10");

        assertThat(world.users.test(Username.of(JANE), NEW_PASSWORD)).isTrue();
        assertThat(world.users.test(Username.of(JANE), PASSWORD)).isFalse();
        assertThat(others).hasValue(2);
        assertThat(webEnded).hasValue(0);
        assertThat(world.sessions.count(JANE)).isEqualTo(1);
        assertThat(world.notices.of("password-changed")).containsExactly(
            new EnrollmentWorld.Sent("password-changed", JANE, "jane@example.net", null));
        assertThat(world.auditLines("PASSWORD_CHANGED")).singleElement().asString().contains("\"outcome\":\"changed\"");
        assertThat(world.revokedCredentials).containsExactly(JANE + " password-changed");
    }

    @Test
    void changePasswordShouldRefuseAndChangeNothingWhenTheCurrentPasswordIsWrong() throws Exception {
        world.active("jane@example.net", "Jane Doe", PASSWORD);
        AtomicInteger ended = openSessions(JANE, 2);

        assertThatThrownBy(() -> enrollment.changePassword(JANE, "not the password", NEW_PASSWORD, null, "192.0.2.10"))
            .isInstanceOfSatisfying(EnrollmentException.class, e -> assertThat(e.kind()).isEqualTo(EnrollmentException.Kind.INVALID))
            .hasMessage("The current password is not correct.");
        assertThatThrownBy(() -> enrollment.changePassword(JANE, PASSWORD, "short", null, "192.0.2.10"))
            .isInstanceOfSatisfying(EnrollmentException.class, e -> assertThat(e.kind()).isEqualTo(EnrollmentException.Kind.INVALID));

        assertThat(world.users.test(Username.of(JANE), PASSWORD)).isTrue();
        assertThat(ended).hasValue(0);
        assertThat(world.notices.of("password-changed")).isEmpty();
        assertThat(world.revokedCredentials).isEmpty();
        assertThat(world.auditLines("PASSWORD_CHANGED")).singleElement().asString().contains("\"outcome\":\"wrong-current-password\"");
    }

    @Test
    void changePasswordShouldAnswerConflictWhenTheAccountIsSuspended() throws Exception {
        world.active("jane@example.net", "Jane Doe", PASSWORD);
        enrollment.suspend(JANE, "admin:alice");

        assertThatThrownBy(() -> enrollment.changePassword(JANE, PASSWORD, NEW_PASSWORD, null, "192.0.2.10"))
            .isInstanceOfSatisfying(EnrollmentException.class, e -> assertThat(e.kind()).isEqualTo(EnrollmentException.Kind.CONFLICT));
        assertThat(world.users.test(Username.of(JANE), PASSWORD)).isTrue();
    }

    @Test
    void resetPasswordShouldWorkOnceEndEverySessionRevokeAppPasswordsAndNotifyWhenTheLinkIsFresh() throws Exception {
        world.active("jane@example.net", "Jane Doe", PASSWORD);
        IssuedLink reset = enrollment.issuePasswordReset(JANE, "admin:alice");
        AtomicInteger ended = openSessions(JANE, 2);

        enrollment.resetPassword(EnrollmentWorld.token(reset), NEW_PASSWORD, "192.0.2.10");

        assertThat(reset.link()).startsWith("https://secure.gateway.test:8443/reset/");
        assertThat(world.users.test(Username.of(JANE), NEW_PASSWORD)).isTrue();
        assertThat(ended).hasValue(2);
        assertThat(world.revokedCredentials).containsExactly(JANE + " password-reset");
        assertThat(world.notices.of("password-changed")).hasSize(1);
        assertThatThrownBy(() -> enrollment.resetPassword(EnrollmentWorld.token(reset), "yet another password", "192.0.2.10"))
            .isInstanceOfSatisfying(LinkRefused.class, e -> assertThat(e.reason()).isEqualTo(LinkRefused.Reason.USED));
        assertThat(world.users.test(Username.of(JANE), NEW_PASSWORD)).isTrue();
        assertThat(world.auditLines("PASSWORD_RESET_ISSUED")).singleElement().asString().contains("\"actor\":\"admin:alice\"");
        assertThat(world.auditLines("PASSWORD_CHANGED")).singleElement().asString().contains("\"outcome\":\"reset\"");
    }

    @Test
    void resetPasswordShouldRefuseAsExpiredWhenThreeDaysHavePassed() throws Exception {
        world.active("jane@example.net", "Jane Doe", PASSWORD);
        IssuedLink reset = enrollment.issuePasswordReset(JANE, "admin:alice");

        world.clock.advance(Duration.ofDays(3));

        assertThat(reset.invitation().expires()).isEqualTo(EnrollmentWorld.START.plus(Duration.ofDays(3)));
        assertThatThrownBy(() -> enrollment.resetPassword(EnrollmentWorld.token(reset), NEW_PASSWORD, "192.0.2.10"))
            .isInstanceOfSatisfying(LinkRefused.class, e -> assertThat(e.reason()).isEqualTo(LinkRefused.Reason.EXPIRED));
        assertThat(world.users.test(Username.of(JANE), PASSWORD)).isTrue();
    }

    @Test
    void issuePasswordResetShouldRevokeTheEarlierResetLinkWhenANewOneIsIssued() throws Exception {
        world.active("jane@example.net", "Jane Doe", PASSWORD);
        IssuedLink first = enrollment.issuePasswordReset(JANE, "admin:alice");

        IssuedLink second = enrollment.issuePasswordReset(JANE, "admin:alice");

        assertThatThrownBy(() -> enrollment.resetPassword(EnrollmentWorld.token(first), NEW_PASSWORD, "192.0.2.10"))
            .isInstanceOfSatisfying(LinkRefused.class, e -> assertThat(e.reason()).isEqualTo(LinkRefused.Reason.REVOKED));
        assertThat(enrollment.resetPassword(EnrollmentWorld.token(second), NEW_PASSWORD, "192.0.2.10").address()).isEqualTo(JANE);
    }

    @Test
    void resetPasswordShouldRefuseWhenTheAccountWasSuspendedAfterTheLinkWasIssued() throws Exception {
        world.active("jane@example.net", "Jane Doe", PASSWORD);
        IssuedLink reset = enrollment.issuePasswordReset(JANE, "admin:alice");
        enrollment.suspend(JANE, "admin:alice");

        Throwable refused = org.assertj.core.api.Assertions.catchThrowable(
            () -> enrollment.resetPassword(EnrollmentWorld.token(reset), NEW_PASSWORD, "192.0.2.10"));

        assertThat(refused).isInstanceOfSatisfying(LinkRefused.class, e -> assertThat(e.reason()).isEqualTo(LinkRefused.Reason.REVOKED));
        assertThat(world.users.test(Username.of(JANE), PASSWORD)).isTrue();
    }

    @Test
    void recipientShouldFollowTheAccountThroughItsStates() throws Exception {
        RecipientStatus unknown = enrollment.recipient(JANE);
        IssuedLink invitation = world.invite("jane@example.net", "Jane Doe");
        RecipientStatus invited = enrollment.recipient(JANE);
        enrollment.register(EnrollmentWorld.token(invitation), PASSWORD, null, null, "192.0.2.10");
        RecipientStatus registered = enrollment.recipient("Jane.Doe@Gateway.Test");
        enrollment.suspend(JANE, "admin:alice");
        RecipientStatus suspended = enrollment.recipient(JANE);
        enrollment.optOut(JANE, "admin:alice");
        RecipientStatus optedOut = enrollment.recipient(JANE);

        assertThat(List.of(unknown, invited, registered, suspended, optedOut)).containsExactly(RecipientStatus.NO_ACCOUNT,
            RecipientStatus.NOT_REGISTERED, RecipientStatus.DELIVERABLE, RecipientStatus.SUSPENDED, RecipientStatus.OPTED_OUT);
        assertThat(unknown.enhancedCode()).isEqualTo("5.1.1");
        assertThat(List.of(invited, suspended, optedOut)).extracting(RecipientStatus::enhancedCode).containsOnly("5.2.1");
        assertThat(List.of(unknown, invited, suspended, optedOut)).allSatisfy(status -> assertThat(status.text()).contains("paper"));
        assertThat(optedOut.text()).contains("opted out");
    }

    @Test
    void accessShouldAnswerNoAccountWhenThereIsNoneOrItIsOnlyInvited() throws Exception {
        world.invite("jane@example.net", "Jane Doe");

        assertThat(enrollment.access(JANE)).isEqualTo(LoginAccess.NO_ACCOUNT);
        assertThat(enrollment.access("nobody@gateway.test")).isEqualTo(LoginAccess.NO_ACCOUNT);
        assertThat(LoginAccess.TERMS_REQUIRED.explanation(EnrollmentWorld.WEB)).contains("https://secure.gateway.test:8443/terms");
    }

    @Test
    void auditShouldNeverContainAPasswordWhenTheWholeLifeOfAnAccountIsRecorded() throws Exception {
        String registration = "registration secret 7731";
        String wrongCurrent = "wrong current guess 4409";
        String changed = "changed secret 5512 x";
        String reset = "reset secret 9093 yz";
        String business = "business secret 1188";
        world.registered("jane@example.net", "Jane Doe", registration);
        enrollment.acceptTerms(JANE, "ECO=1", "192.0.2.10");
        assertThatThrownBy(() -> enrollment.changePassword(JANE, wrongCurrent, changed, null, "192.0.2.10"))
            .isInstanceOf(EnrollmentException.class);
        enrollment.changePassword(JANE, registration, changed, null, "192.0.2.10");
        enrollment.resetPassword(EnrollmentWorld.token(enrollment.issuePasswordReset(JANE, "admin:alice")), reset, "192.0.2.10");
        String businessToken = EnrollmentWorld.token(world.inviteBusiness("cfo@acme.example", "Pat Smith", "12-3456789", "Acme LLC"));
        assertThatThrownBy(() -> enrollment.register(businessToken, business, "12-3456780", "Acme LLC", "192.0.2.11"))
            .isInstanceOf(WrongBusinessIdentity.class);
        enrollment.register(businessToken, business, "12-3456789", "Acme LLC", "192.0.2.11");
        enrollment.suspend(JANE, "admin:alice");
        enrollment.optOut(JANE, "admin:alice");

        List<String> lines = world.auditLines();

        assertThat(lines).hasSizeGreaterThan(10);
        for (String password : List.of(registration, wrongCurrent, changed, reset, business)) {
            assertThat(lines).noneSatisfy(line -> assertThat(line).contains(password));
        }
        assertThat(AuditTrails.verify(world.audit).valid()).isTrue();
    }

    /** Registers sessions of the account on other protocols; the counter says how many were ended. */
    private AtomicInteger openSessions(String address, int count) {
        AtomicInteger ended = new AtomicInteger();
        for (int i = 0; i < count; i++) {
            world.sessions.register(address, i % 2 == 0 ? "imap" : "smtp", why -> ended.incrementAndGet());
        }
        return ended;
    }

    @FunctionalInterface
    private interface ThrowingCall {
        void run() throws Exception;
    }
}
