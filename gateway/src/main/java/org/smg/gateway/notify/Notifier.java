package org.smg.gateway.notify;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smg.gateway.enrollment.Account;
import org.smg.gateway.enrollment.AccountState;
import org.smg.gateway.enrollment.AccountStore;

/**
 * Decides, per citizen, when a content-free notification goes out: at the first delivery after a
 * quiet interval at once, for mail arriving within the interval once more at its end if the INBOX
 * still holds unread mail then ({@link Coalescing}). State lives in {@link NotificationTable}, so
 * a restart keeps the rule. A notification that cannot be sent is logged and never undoes or
 * delays the delivery it announces.
 */
public final class Notifier {
    private static final Logger LOGGER = LoggerFactory.getLogger(Notifier.class);

    private final AccountStore accounts;
    private final NotificationTable table;
    private final NotificationOutbox outbox;
    private final UnreadMail unread;
    private final Supplier<Duration> interval;
    private final Clock clock;

    Notifier(AccountStore accounts, NotificationTable table, NotificationOutbox outbox, UnreadMail unread,
             Supplier<Duration> interval, Clock clock) {
        this.accounts = accounts;
        this.table = table;
        this.outbox = outbox;
        this.unread = unread;
        this.interval = interval;
        this.clock = clock;
    }

    /** Mail was just stored in the INBOX of {@code address}; addresses without an active account are ignored. */
    public synchronized void delivered(String address) {
        try {
            Optional<Account> account = accounts.find(address).filter(found -> found.state() == AccountState.ACTIVE);
            if (account.isEmpty()) {
                return;
            }
            Instant now = clock.instant();
            Optional<NotificationState> state = table.find(address);
            Coalescing.Decision decision = Coalescing.onDelivery(state, now, interval.get());
            if (decision instanceof Coalescing.FollowUpAt followUp) {
                table.save(new NotificationState(address, state.orElseThrow().lastSent(), Optional.of(followUp.due())));
                LOGGER.debug("notification for {} coalesced until {}", address, followUp.due());
                return;
            }
            send(account.get(), now);
        } catch (Exception e) {
            LOGGER.error("notification for {} failed: {}", address, e.toString());
        }
    }

    /** Sends the follow-ups due now to citizens whose INBOX still holds unread mail; called by the scheduler. */
    public synchronized void sendDue() {
        Instant now = clock.instant();
        try {
            for (NotificationState due : table.due(now)) {
                followUp(due, now);
            }
        } catch (SQLException e) {
            LOGGER.error("due notifications could not be read: {}", e.toString());
        }
    }

    private void followUp(NotificationState due, Instant now) {
        try {
            Optional<Account> account = accounts.find(due.address()).filter(found -> found.state() == AccountState.ACTIVE);
            if (account.isPresent() && unread.inInbox(due.address())) {
                send(account.get(), now);
                return;
            }
            table.save(new NotificationState(due.address(), due.lastSent(), Optional.empty()));
            LOGGER.debug("follow-up notification for {} dropped: nothing unread or no active account", due.address());
        } catch (Exception e) {
            LOGGER.error("follow-up notification for {} failed: {}", due.address(), e.toString());
            clearQuietly(due);
        }
    }

    // A follow-up that fails is given up, not retried at every tick.
    private void clearQuietly(NotificationState due) {
        try {
            table.save(new NotificationState(due.address(), due.lastSent(), Optional.empty()));
        } catch (SQLException e) {
            LOGGER.error("follow-up notification for {} could not be cleared: {}", due.address(), e.toString());
        }
    }

    private void send(Account account, Instant now) throws Exception {
        // Recorded first: a failure to send then costs one notification, never a burst of them.
        table.save(new NotificationState(account.address(), now, Optional.empty()));
        outbox.send(account);
        LOGGER.info("notification sent for {}", account.address());
    }
}
