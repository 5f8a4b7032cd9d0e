package org.smg.gateway.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class AccountSessionsTest {
    private final AccountSessions sessions = new AccountSessions();
    private final List<String> ended = Collections.synchronizedList(new ArrayList<>());

    @Test
    void endAllShouldEndEverySessionOfTheAccountAndNoOtherWhenCalled() {
        sessions.register("jane@gateway.test", "imap", why -> ended.add("jane imap"));
        sessions.register("Jane@Gateway.Test", "smtp", why -> ended.add("jane smtp"));
        sessions.register("otto@gateway.test", "imap", why -> ended.add("otto imap"));

        int count = sessions.endAll("JANE@gateway.test");

        assertThat(count).isEqualTo(2);
        assertThat(ended).containsExactlyInAnyOrder("jane imap", "jane smtp");
        assertThat(sessions.count("jane@gateway.test")).isZero();
        assertThat(sessions.count("otto@gateway.test")).isEqualTo(1);
    }

    @Test
    void endAllExceptShouldKeepTheGivenSessionOpen() {
        sessions.register("jane@gateway.test", "imap", why -> ended.add("imap"));
        AccountSessions.Registration web = sessions.register("jane@gateway.test", "web", why -> ended.add("web"));

        int count = sessions.endAllExcept("jane@gateway.test", web);

        assertThat(count).isEqualTo(1);
        assertThat(ended).containsExactly("imap");
        assertThat(sessions.count("jane@gateway.test")).isEqualTo(1);
    }

    @Test
    void registerShouldEndTheSessionAtOnceWhenTheAccountStoppedBeingActiveBeforeItRegistered() {
        sessions.checkEachRegistrationWith(account -> !account.equals("jane@gateway.test"));

        sessions.register("Jane@gateway.test", "imap", why -> ended.add("jane imap"));
        sessions.register("otto@gateway.test", "imap", why -> ended.add("otto imap"));

        assertThat(ended).containsExactly("jane imap");
        assertThat(sessions.count("jane@gateway.test")).isZero();
        assertThat(sessions.count("otto@gateway.test")).isEqualTo(1);
    }

    @Test
    void endEverySessionShouldEndTheSessionsOfEveryAccountTellingWhy() {
        sessions.register("jane@gateway.test", "imap", why -> ended.add("jane imap " + why.explanation()));
        sessions.register("otto@gateway.test", "smtp", why -> ended.add("otto smtp " + why.cause()));

        int count = sessions.endEverySession(SessionEnd.maintenance("back at 22:00"));

        assertThat(count).isEqualTo(2);
        assertThat(ended).containsExactlyInAnyOrder("jane imap back at 22:00", "otto smtp MAINTENANCE");
        assertThat(sessions.count("jane@gateway.test")).isZero();
        assertThat(sessions.count("otto@gateway.test")).isZero();
    }

    @Test
    void registerShouldEndTheSessionAtOnceWhenEverySessionIsClosedWhileItRegisters() {
        sessions.checkEachRegistrationAgainst(() -> Optional.of(SessionEnd.maintenance("back at 22:00")));

        sessions.register("jane@gateway.test", "imap", why -> ended.add("jane imap " + why.cause()));

        assertThat(ended).containsExactly("jane imap MAINTENANCE");
        assertThat(sessions.count("jane@gateway.test")).isZero();
    }

    @Test
    void closeShouldForgetASessionWithoutEndingIt() {
        AccountSessions.Registration imap = sessions.register("jane@gateway.test", "imap", why -> ended.add("imap"));

        imap.close();
        int count = sessions.endAll("jane@gateway.test");

        assertThat(count).isZero();
        assertThat(ended).isEmpty();
    }

    @Test
    void endAllShouldEndTheOthersWhenOneEnderFails() {
        sessions.register("jane@gateway.test", "imap", why -> {
            throw new IllegalStateException("connection already gone");
        });
        sessions.register("jane@gateway.test", "smtp", why -> ended.add("smtp"));

        int count = sessions.endAll("jane@gateway.test");

        assertThat(count).isEqualTo(2);
        assertThat(ended).containsExactly("smtp");
        assertThat(sessions.count("jane@gateway.test")).isZero();
    }

    @Test
    void endAllShouldEndNothingWhenTheAccountHasNoSession() {
        assertThat(sessions.endAll("nobody@gateway.test")).isZero();
    }

    @Test
    void endAllUnderKeyShouldEndOnlyTheSessionsRegisteredUnderItTellingWhy() {
        SessionEnd consentEnded = new SessionEnd(SessionEnd.Cause.ACCOUNT_CHANGED, "consent ended");
        List<SessionEnd> whys = Collections.synchronizedList(new ArrayList<>());
        sessions.registerUnder("consent:7", "imap", whys::add, () -> true, consentEnded);
        sessions.registerUnder("consent:8", "smtp", why -> ended.add("smtp"), () -> true, consentEnded);

        int count = sessions.endAll("consent:7", consentEnded);

        assertThat(count).isEqualTo(1);
        assertThat(whys).containsExactly(consentEnded);
        assertThat(ended).isEmpty();
        assertThat(sessions.count("consent:8")).isEqualTo(1);
    }

    @Test
    void registerUnderShouldEndTheSessionAtOnceWhenNoLongerValidAsItRegisters() {
        SessionEnd consentEnded = new SessionEnd(SessionEnd.Cause.ACCOUNT_CHANGED, "consent ended");
        List<SessionEnd> whys = Collections.synchronizedList(new ArrayList<>());

        sessions.registerUnder("consent:9", "imap", whys::add, () -> false, consentEnded);

        assertThat(whys).containsExactly(consentEnded);
        assertThat(sessions.count("consent:9")).isZero();
    }
}
