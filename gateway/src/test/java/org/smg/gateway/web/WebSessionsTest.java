package org.smg.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.smg.gateway.enrollment.AccountSessions;
import org.smg.gateway.storage.EncryptedTemporaryFile;
import org.smg.gateway.testing.MutableClock;

class WebSessionsTest {
    private final MutableClock clock = new MutableClock();
    private final AccountSessions accounts = new AccountSessions();
    private final WebSessions sessions = new WebSessions(accounts, clock);

    @Test
    void anonymousShouldIssue256BitIdWhenCreated() {

        WebSession session = sessions.anonymous();

        assertThat(session.id()).matches("[A-Za-z0-9_-]{43}");
        assertThat(WebSessions.wellFormedId(session.id())).isTrue();
        assertThat(session.signedIn()).isFalse();
        assertThat(sessions.find(session.id())).contains(session);
    }

    @Test
    void signInShouldRotateIdAndCsrfTokenAndEndThePreSession() {
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
    void findShouldEndSessionWhenIdleLongerThan15Minutes() {
        WebSession session = sessions.signIn("jane@example.gov", Optional.empty());

        clock.advance(Duration.ofMinutes(15).plusSeconds(1));

        assertThat(sessions.find(session.id())).isEmpty();
        assertThat(accounts.count("jane@example.gov")).isZero();
    }

    @Test
    void sweepShouldEndExpiredSessionsAndDeleteTheirAttachedFilesWithoutAnyRequest() throws Exception {
        WebSession idle = sessions.signIn("jane@example.gov", Optional.empty());
        WebSession busy = sessions.signIn("john@example.gov", Optional.empty());
        EncryptedTemporaryFile attached = EncryptedTemporaryFile.create("test-");
        attached.fill(new ByteArrayInputStream(new byte[] {1, 2, 3}));
        idle.composeFiles().add("a.pdf", 3, "application/pdf", attached);

        clock.advance(Duration.ofMinutes(10));
        sessions.find(busy.id());
        clock.advance(Duration.ofMinutes(6));
        sessions.sweep();

        assertThat(idle.ended()).isTrue();
        assertThat(idle.composeFiles().list()).isEmpty();
        assertThatThrownBy(attached::open).as("the file is deleted").isInstanceOf(Exception.class);
        assertThat(accounts.count("jane@example.gov")).isZero();
        assertThat(busy.ended()).isFalse();
        assertThat(sessions.size()).isEqualTo(1);
    }

    @Test
    void findShouldKeepSessionWhenUsedWithinTheIdleTimeout() {
        WebSession session = sessions.signIn("jane@example.gov", Optional.empty());

        clock.advance(Duration.ofMinutes(10));
        sessions.find(session.id());
        clock.advance(Duration.ofMinutes(10));

        assertThat(sessions.find(session.id())).contains(session);
    }

    @Test
    void findShouldEndSessionAfterTheAbsoluteTimeoutWhenKeptBusy() {
        WebSessions shortLived = new WebSessions(accounts, clock, new SessionTimeouts(Duration.ofMinutes(15), Duration.ofHours(1)));
        WebSession session = shortLived.signIn("jane@example.gov", Optional.empty());
        for (int i = 0; i < 6; i++) {
            clock.advance(Duration.ofMinutes(10));
            assertThat(shortLived.find(session.id())).contains(session);
        }

        clock.advance(Duration.ofMinutes(1));

        assertThat(shortLived.find(session.id())).isEmpty();
        assertThat(accounts.count("jane@example.gov")).isZero();
    }

    @Test
    void endShouldForgetSessionAndCloseItsRegistration() {
        WebSession session = sessions.signIn("jane@example.gov", Optional.empty());

        sessions.end(session);

        assertThat(sessions.find(session.id())).isEmpty();
        assertThat(accounts.count("jane@example.gov")).isZero();
    }

    @Test
    void anonymousShouldDropTheOldestPreSessionWhenThereAreTooMany() {
        WebSessions small = new WebSessions(accounts, clock, 2);
        WebSession oldest = small.anonymous();
        WebSession middle = small.anonymous();

        WebSession newest = small.anonymous();

        assertThat(small.find(oldest.id())).isEmpty();
        assertThat(small.find(middle.id())).contains(middle);
        assertThat(small.find(newest.id())).contains(newest);
    }

    @Test
    void anonymousShouldNeverDropSignedInSessionsWhenPreSessionsFlood() {
        WebSessions small = new WebSessions(accounts, clock, 2);
        WebSession citizen = small.signIn("jane@example.gov", Optional.of(small.anonymous()));

        for (int i = 0; i < 10; i++) {
            small.anonymous();
        }

        assertThat(small.find(citizen.id())).contains(citizen);
        assertThat(small.size()).isEqualTo(3);
    }

    @Test
    void anonymousShouldSweepExpiredSessionsAndTheirRegistrations() {
        sessions.signIn("jane@example.gov", Optional.empty());
        sessions.anonymous();

        clock.advance(SessionTimeouts.DEFAULT.idle().plusMinutes(2));
        sessions.anonymous();

        assertThat(sessions.size()).isEqualTo(1);
        assertThat(accounts.count("jane@example.gov")).isZero();
    }

    @Test
    void findShouldNotFindAnythingWhenIdIsUnknownOrNull() {

        assertThat(sessions.find("A".repeat(43))).isEmpty();
        assertThat(sessions.find(null)).isEmpty();
    }
}
