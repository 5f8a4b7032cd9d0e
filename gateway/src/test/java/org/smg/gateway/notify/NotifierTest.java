package org.smg.gateway.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smg.gateway.enrollment.Account;
import org.smg.gateway.enrollment.AccountState;
import org.smg.gateway.enrollment.AccountStore;
import org.smg.gateway.secrets.Secret;
import org.smg.gateway.storage.EncryptedDerbyDatabase;
import org.smg.gateway.testing.MutableClock;

/** The coalescing of notifications on the encrypted database, with a settable clock and recording fakes. */
class NotifierTest {
    private static final Duration INTERVAL = Duration.ofMinutes(15);
    private static final Instant START = Instant.parse("2024-06-01T10:00:00Z");
    private static final String CITIZEN = "ann.lee@gateway.test";

    @TempDir
    static Path root;
    private static EncryptedDerbyDatabase database;

    private final MutableClock clock = new MutableClock(START);
    private final List<String> sent = Collections.synchronizedList(new ArrayList<>());
    private boolean unread = true;
    private boolean outboxFails;
    private AccountStore accounts;
    private Notifier notifier;

    @BeforeAll
    static void openDatabase() throws Exception {
        database = EncryptedDerbyDatabase.open(root.resolve("db"), Secret.of("a-notifier-test-secret-32-chars!"));
    }

    @AfterAll
    static void closeDatabase() {
        database.close();
    }

    @BeforeEach
    void freshWorld() throws Exception {
        accounts = new AccountStore(database.dataSource());
        accounts.createIfMissing();
        NotificationTable table = new NotificationTable(database.dataSource());
        table.createIfMissing();
        try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM SMG_ACCOUNTS");
            statement.executeUpdate("DELETE FROM " + NotificationTable.TABLE);
        }
        accounts.insert(account(CITIZEN, AccountState.ACTIVE));
        NotificationOutbox outbox = account -> {
            if (outboxFails) {
                throw new javax.mail.MessagingException("smart host queue unavailable");
            }
            sent.add(account.email());
        };
        notifier = new Notifier(accounts, table, outbox, address -> unread, () -> INTERVAL, clock);
    }

    @Test
    void deliveredShouldSendAtOnceWhenNoNotificationWasSentBefore() {
        notifier.delivered(CITIZEN);

        assertThat(sent).containsExactly("ann@example.net");
    }

    @Test
    void deliveredShouldSendOneNotificationWhenTenMailsArriveWithinAMinute() {
        for (int i = 0; i < 10; i++) {
            notifier.delivered(CITIZEN);
            clock.advance(Duration.ofSeconds(6));
        }
        notifier.sendDue();

        assertThat(sent).hasSize(1);
    }

    @Test
    void sendDueShouldSendAFollowUpAtTheIntervalsEndWhenMailIsStillUnread() {
        notifier.delivered(CITIZEN);
        clock.advance(Duration.ofMinutes(1));
        notifier.delivered(CITIZEN);
        clock.advance(Duration.ofMinutes(13));
        notifier.sendDue();
        assertThat(sent).hasSize(1);

        clock.advance(Duration.ofMinutes(1));
        notifier.sendDue();
        notifier.sendDue();

        assertThat(sent).hasSize(2);
    }

    @Test
    void sendDueShouldSendNothingWhenTheMailWasReadBeforeTheIntervalsEnd() {
        notifier.delivered(CITIZEN);
        clock.advance(Duration.ofMinutes(1));
        notifier.delivered(CITIZEN);
        unread = false;
        clock.advance(INTERVAL);

        notifier.sendDue();
        unread = true;
        clock.advance(INTERVAL);
        notifier.sendDue();

        assertThat(sent).hasSize(1);
    }

    @Test
    void deliveredShouldSendAtOnceWhenTheLastNotificationIsAnIntervalOld() {
        notifier.delivered(CITIZEN);
        clock.advance(INTERVAL);

        notifier.delivered(CITIZEN);

        assertThat(sent).hasSize(2);
    }

    @Test
    void deliveredShouldCountTheFollowUpAsTheIntervalsNotificationWhenMoreMailArrivesAfterIt() {
        notifier.delivered(CITIZEN);
        clock.advance(Duration.ofMinutes(5));
        notifier.delivered(CITIZEN);
        clock.advance(Duration.ofMinutes(10));
        notifier.sendDue();
        clock.advance(Duration.ofMinutes(1));

        notifier.delivered(CITIZEN);

        assertThat(sent).hasSize(2);
    }

    @Test
    void deliveredShouldSendNothingWhenTheAddressHasNoActiveAccount() throws Exception {
        accounts.insert(account("closed@gateway.test", AccountState.OPTED_OUT));

        notifier.delivered("closed@gateway.test");
        notifier.delivered("postmaster@gateway.test");

        assertThat(sent).isEmpty();
    }

    @Test
    void deliveredShouldNotThrowAndNotRetryInABurstWhenTheOutboxFails() {
        outboxFails = true;
        notifier.delivered(CITIZEN);
        outboxFails = false;

        notifier.delivered(CITIZEN);

        assertThat(sent).isEmpty();
    }

    private static Account account(String address, AccountState state) {
        String email = address.equals(CITIZEN) ? "ann@example.net" : "other-" + address.replace('@', '.') + "@example.net";
        return new Account(address, "Ann Lee", email, List.of("ECO"), state, Optional.empty(), Optional.empty(),
            Optional.empty(), START);
    }
}
