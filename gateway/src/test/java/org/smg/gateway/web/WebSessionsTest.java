package org.smg.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.smg.gateway.enrollment.AccountSessions;
import org.smg.gateway.testing.MutableClock;

class WebSessionsTest {
    private final MutableClock clock = new MutableClock();
    private final AccountSessions accounts = new AccountSessions();
    private final WebSessions sessions = new WebSessions(accounts, clock);

    @Test
    void anonymousShouldIssue256BitIdWhenCreated() throws Exception {

        WebSession session = sessions.anonymous();

        assertThat(session.id()).matches("[A-Za-z0-9_-]{43}");
        assertThat(WebSessions.wellFormedId(session.id())).isTrue();
        assertThat(session.signedIn()).isFalse();
        assertThat(sessions.find(session.id())).contains(session);
    }

    @Test
    void signInShouldRotateIdAndCsrfTokenAndEndThePreSession() throws Exception {
        WebSession before = sessions.anonymous();

        WebSession after = sessions.signIn("jane@example.gov", Optional.of(before));

        assertThat(after.id()).isNotEqualTo(before.id());
        assertThat(after.csrfToken()).isNotEqualTo(before.csrfToken());
        assertThat(sessions.find(before.id())).isEmpty();
        assertThat(sessions.find(after.id())).contains(after);
        assertThat(after.account()).contains("jane@example.gov");
    }

    @Test
    void signInShouldRegisterTheSessionWithTheAccountWhenSignedIn() {

        sessions.signIn("jane@example.gov", Optional.empty());

        assertThat(accounts.count("jane@example.gov")).isEqualTo(1);
    }

    @Test
    void findShouldNotFindSessionWhenTheAccountsSessionsAreEnded() {
        WebSession session = sessions.signIn("jane@example.gov", Optional.empty());

        accounts.endAll("jane@example.gov");

        assertThat(sessions.find(session.id())).isEmpty();
        assertThat(accounts.count("jane@example.gov")).isZero();
    }

    @Test
    void endAllExceptShouldKeepTheSessionThatChangedThePassword() {
        WebSession keeping = sessions.signIn("jane@example.gov", Optional.empty());
        WebSession other = sessions.signIn("jane@example.gov", Optional.empty());

        accounts.endAllExcept("jane@example.gov", keeping.registration());

        assertThat(sessions.find(keeping.id())).contains(keeping);
        assertThat(sessions.find(other.id())).isEmpty();
    }

    @Test
    void findShouldEndSessionWhenIdleLongerThan30Minutes() {
        WebSession session = sessions.signIn("jane@example.gov", Optional.empty());

        clock.advance(WebSessions.IDLE_TIMEOUT.plusSeconds(1));

        assertThat(sessions.find(session.id())).isEmpty();
        assertThat(accounts.count("jane@example.gov")).isZero();
    }

    @Test
    void findShouldKeepSessionWhenUsedWithinTheIdleTimeout() {
        WebSession session = sessions.signIn("jane@example.gov", Optional.empty());

        clock.advance(Duration.ofMinutes(20));
        sessions.find(session.id());
        clock.advance(Duration.ofMinutes(20));

        assertThat(sessions.find(session.id())).contains(session);
    }

    @Test
    void endShouldForgetSessionAndCloseItsRegistration() {
        WebSession session = sessions.signIn("jane@example.gov", Optional.empty());

        sessions.end(session);

        assertThat(sessions.find(session.id())).isEmpty();
        assertThat(accounts.count("jane@example.gov")).isZero();
    }

    @Test
    void anonymousShouldBeRefusedWhenTheStoreIsFull() throws Exception {
        WebSessions small = new WebSessions(accounts, clock, 2);
        small.anonymous();
        small.anonymous();

        assertThatThrownBy(small::anonymous).isInstanceOf(WebSessions.Full.class);
    }

    @Test
    void anonymousShouldMakeRoomWhenExpiredSessionsAreSwept() throws Exception {
        WebSessions small = new WebSessions(accounts, clock, 2);
        small.anonymous();
        small.anonymous();

        clock.advance(WebSessions.IDLE_TIMEOUT.plusMinutes(2));
        WebSession fresh = small.anonymous();

        assertThat(small.size()).isEqualTo(1);
        assertThat(small.find(fresh.id())).contains(fresh);
    }

    @Test
    void findShouldNotFindAnythingWhenIdIsUnknownOrNull() {

        assertThat(sessions.find("A".repeat(43))).isEmpty();
        assertThat(sessions.find(null)).isEmpty();
    }
}
