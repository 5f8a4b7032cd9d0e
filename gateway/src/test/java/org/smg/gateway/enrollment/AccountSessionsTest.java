package org.smg.gateway.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

class AccountSessionsTest {
    private final AccountSessions sessions = new AccountSessions();
    private final List<String> ended = Collections.synchronizedList(new ArrayList<>());

    @Test
    void endAllShouldEndEverySessionOfTheAccountAndNoOtherWhenCalled() {
        sessions.register("jane@gateway.test", "imap", () -> ended.add("jane imap"));
        sessions.register("Jane@Gateway.Test", "smtp", () -> ended.add("jane smtp"));
        sessions.register("otto@gateway.test", "imap", () -> ended.add("otto imap"));

        int count = sessions.endAll("JANE@gateway.test");

        assertThat(count).isEqualTo(2);
        assertThat(ended).containsExactlyInAnyOrder("jane imap", "jane smtp");
        assertThat(sessions.count("jane@gateway.test")).isZero();
        assertThat(sessions.count("otto@gateway.test")).isEqualTo(1);
    }

    @Test
    void endAllExceptShouldKeepTheGivenSessionOpen() {
        sessions.register("jane@gateway.test", "imap", () -> ended.add("imap"));
        AccountSessions.Registration web = sessions.register("jane@gateway.test", "web", () -> ended.add("web"));

        int count = sessions.endAllExcept("jane@gateway.test", web);

        assertThat(count).isEqualTo(1);
        assertThat(ended).containsExactly("imap");
        assertThat(sessions.count("jane@gateway.test")).isEqualTo(1);
    }

    @Test
    void registerShouldEndTheSessionAtOnceWhenTheAccountStoppedBeingActiveBeforeItRegistered() {
        sessions.checkEachRegistrationWith(account -> !account.equals("jane@gateway.test"));

        sessions.register("Jane@gateway.test", "imap", () -> ended.add("jane imap"));
        sessions.register("otto@gateway.test", "imap", () -> ended.add("otto imap"));

        assertThat(ended).containsExactly("jane imap");
        assertThat(sessions.count("jane@gateway.test")).isZero();
        assertThat(sessions.count("otto@gateway.test")).isEqualTo(1);
    }

    @Test
    void closeShouldForgetASessionWithoutEndingIt() {
        AccountSessions.Registration imap = sessions.register("jane@gateway.test", "imap", () -> ended.add("imap"));

        imap.close();
        int count = sessions.endAll("jane@gateway.test");

        assertThat(count).isZero();
        assertThat(ended).isEmpty();
    }

    @Test
    void endAllShouldEndTheOthersWhenOneEnderFails() {
        sessions.register("jane@gateway.test", "imap", () -> {
            throw new IllegalStateException("connection already gone");
        });
        sessions.register("jane@gateway.test", "smtp", () -> ended.add("smtp"));

        int count = sessions.endAll("jane@gateway.test");

        assertThat(count).isEqualTo(2);
        assertThat(ended).containsExactly("smtp");
        assertThat(sessions.count("jane@gateway.test")).isZero();
    }

    @Test
    void endAllShouldEndNothingWhenTheAccountHasNoSession() {
        assertThat(sessions.endAll("nobody@gateway.test")).isZero();
    }
}
