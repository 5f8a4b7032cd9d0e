package org.smg.gateway.queue;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.mail.MessagingException;

import org.apache.james.queue.api.MailQueue.MailQueueException;
import org.apache.james.queue.api.MailQueue.MailQueueItem;
import org.apache.james.queue.api.MailQueueItemDecoratorFactory;
import org.apache.james.queue.api.MailQueueName;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smg.gateway.storage.EncryptedMessageSource;
import org.smg.mailets.DeliveryIdentity;

import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Hands out the ready mails of one queue, oldest first. A mail leaves the table only when its
 * consumer reports success; until then it is in flight and not handed out again in this JVM.
 * A mail that was in flight when the JVM died is handed out again after restart, flagged with
 * {@link DeliveryIdentity#REDELIVERY} so delivery can skip recipients who already have it.
 */
final class Dequeuer {
    private static final Logger LOGGER = LoggerFactory.getLogger(Dequeuer.class);
    private static final Duration IDLE_POLL = Duration.ofSeconds(1);
    private static final Duration FIRST_RETRY_DELAY = Duration.ofMillis(100);
    private static final Duration MAX_RETRY_DELAY = Duration.ofSeconds(10);
    private static final int CANDIDATES = 64;

    private final MailQueueName name;
    private final QueueTable table;
    private final MailCodec codec;
    private final MailQueueItemDecoratorFactory decorators;
    private final Clock clock;
    private final ChangeSignal signal;
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
    private final Scheduler dequeueThread;
    private volatile boolean closed;

    Dequeuer(MailQueueName name, QueueTable table, MailCodec codec, MailQueueItemDecoratorFactory decorators,
             Clock clock, ChangeSignal signal) {
        this.name = name;
        this.table = table;
        this.codec = codec;
        this.decorators = decorators;
        this.clock = clock;
        this.signal = signal;
        this.dequeueThread = Schedulers.newSingle("smg-queue-" + name.asString());
    }

    Flux<MailQueueItem> deQueue() {
        // Each request blocks its (dedicated) thread until a mail is ready: simple back-pressure.
        // A cancelled consumer must stop waiting at once: otherwise it keeps the dequeue thread and
        // claims the next mail only to drop it, leaving that mail in flight until a restart.
        return Flux.defer(() -> {
            AtomicBoolean cancelled = new AtomicBoolean();
            return Flux.<MailQueueItem>generate(sink -> {
                    Optional<MailQueueItem> item = take(cancelled);
                    if (item.isPresent()) {
                        sink.next(item.get());
                    } else {
                        sink.complete();
                    }
                })
                .subscribeOn(dequeueThread)
                .doOnCancel(() -> {
                    cancelled.set(true);
                    signal.changed();
                });
        });
    }

    void close() {
        closed = true;
        signal.changed();
        dequeueThread.dispose();
    }

    /**
     * How long a mail given back with RETRY or REJECT waits: short at first, as James's own queues
     * requeue at once, then doubling up to {@link #MAX_RETRY_DELAY}, so a mail that fails every
     * time does not keep a thread busy.
     */
    static Duration retryDelay(int handOuts) {
        int doublings = Math.min(Math.max(handOuts - 1, 0), 16);
        Duration delay = FIRST_RETRY_DELAY.multipliedBy(1L << doublings);
        return delay.compareTo(MAX_RETRY_DELAY) < 0 ? delay : MAX_RETRY_DELAY;
    }

    private Optional<MailQueueItem> take(AtomicBoolean cancelled) {
        while (!closed && !cancelled.get()) {
            long mark = signal.mark();
            try {
                Optional<Item> item = claimNext();
                if (item.isPresent() && cancelled.get()) {
                    item.get().release();
                    return Optional.empty();
                }
                if (item.isPresent()) {
                    return Optional.of(decorators.decorate(item.get(), name));
                }
            } catch (SQLException e) {
                if (closed) {
                    return Optional.empty();
                }
                LOGGER.error("Reading queue {} failed; retrying", name.asString(), e);
            }
            try {
                signal.awaitChangeSince(mark, IDLE_POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private Optional<Item> claimNext() throws SQLException {
        List<Long> ready = table.readyIds(name.asString(), clock.millis(), CANDIDATES + inFlight.size());
        for (long id : ready) {
            if (inFlight.add(id)) {
                Optional<QueueTable.Row> row = claim(id);
                if (row.isEmpty()) {
                    inFlight.remove(id);
                    continue;
                }
                try {
                    return Optional.of(new Item(row.get(), toMail(row.get())));
                } catch (MessagingException | RuntimeException unreadable) {
                    row.get().message.close();
                    // An exception here would end the consumer's stream: one bad row would stop all delivery.
                    // The row stays claimed (skipped until restart) and in the table for an administrator.
                    LOGGER.error("Queued mail {} in {} cannot be read; it stays queued and is skipped until restart",
                        row.get().mail.name, name.asString(), unreadable);
                }
            }
        }
        return Optional.empty();
    }

    /** A row that cannot be claimed (its message not copied out) is handed out again on the next attempt. */
    private Optional<QueueTable.Row> claim(long id) throws SQLException {
        try {
            return table.claim(id);
        } catch (SQLException | RuntimeException e) {
            inFlight.remove(id);
            throw e;
        }
    }

    private Mail toMail(QueueTable.Row row) throws MessagingException {
        Mail mail = codec.decode(row.mail, new EncryptedMessageSource(name.asString() + "/" + row.id, row.message));
        if (row.deliveries > 0) {
            mail.setAttribute(new Attribute(DeliveryIdentity.REDELIVERY, AttributeValue.of(true)));
            LOGGER.info("Mail {} is handed out again after an interrupted delivery", row.mail.name);
        }
        return mail;
    }

    /** One mail handed to a consumer; its row stays until {@link #done} reports success. */
    private final class Item implements MailQueueItem {
        private final QueueTable.Row row;
        private final Mail mail;

        private Item(QueueTable.Row row, Mail mail) {
            this.row = row;
            this.mail = mail;
        }

        @Override
        public Mail getMail() {
            return mail;
        }

        /** Gives the mail back untouched, for a consumer that went away before receiving it. */
        private void release() {
            inFlight.remove(row.id);
            signal.changed();
        }

        @Override
        public void done(CompletionStatus status) throws MailQueueException {
            try {
                if (status == CompletionStatus.SUCCESS) {
                    table.delete(row.id);
                } else {
                    // RETRY and REJECT alike keep the mail: nothing is dropped, it comes back later.
                    Duration delay = retryDelay(row.deliveries + 1);
                    table.postpone(row.id, clock.millis() + delay.toMillis());
                    LOGGER.warn("Mail {} in {} completed with {}; retrying in {}", row.mail.name, name.asString(), status, delay);
                }
            } catch (SQLException e) {
                throw new MailQueueException("cannot complete mail " + row.mail.name + " in " + name.asString(), e);
            } finally {
                inFlight.remove(row.id);
                signal.changed();
            }
        }
    }
}
