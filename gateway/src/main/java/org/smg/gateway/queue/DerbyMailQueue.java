package org.smg.gateway.queue;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import javax.mail.MessagingException;

import org.apache.james.queue.api.MailQueueItemDecoratorFactory;
import org.apache.james.queue.api.MailQueueName;
import org.apache.james.queue.api.ManageableMailQueue;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smg.mailets.DeliveryIdentity;

import com.google.common.collect.ImmutableList;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * A James mail queue kept in the encrypted Derby database.
 *
 * <p>Guarantees: {@link #enQueue} returns only after the mail is committed, so a {@code 250}
 * reply means the mail survives {@code kill -9}. A mail leaves the table only when its
 * processing reports success; a mail that was being processed when the JVM died is handed out
 * again after restart, flagged with {@link DeliveryIdentity#REDELIVERY} so delivery can skip
 * recipients who already have it.
 */
final class DerbyMailQueue implements ManageableMailQueue {
    private static final Logger LOGGER = LoggerFactory.getLogger(DerbyMailQueue.class);
    private static final Duration IDLE_POLL = Duration.ofSeconds(1);
    private static final Duration RETRY_DELAY = Duration.ofSeconds(10);
    private static final int CANDIDATES = 64;

    private final MailQueueName name;
    private final QueueTable table;
    private final MailCodec codec;
    private final MailQueueItemDecoratorFactory decorators;
    private final Clock clock;
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
    private final AtomicLong changes = new AtomicLong();
    private final Object signal = new Object();
    private final Scheduler dequeueThread;
    private volatile boolean closed;

    DerbyMailQueue(MailQueueName name, QueueTable table, MailQueueItemDecoratorFactory decorators, Clock clock) {
        this.name = name;
        this.table = table;
        this.codec = new MailCodec();
        this.decorators = decorators;
        this.clock = clock;
        this.dequeueThread = Schedulers.newSingle("smg-queue-" + name.asString());
    }

    @Override
    public MailQueueName getName() {
        return name;
    }

    @Override
    public void enQueue(Mail mail, Duration delay) throws MailQueueException {
        long nextDelivery = clock.millis() + Math.max(0, delay.toMillis());
        try {
            table.insert(name.asString(), codec.encode(mail), nextDelivery);
        } catch (SQLException | MessagingException e) {
            throw new MailQueueException("cannot enqueue mail " + mail.getName() + " in " + name.asString(), e);
        }
        LOGGER.debug("Enqueued mail {} in {}", mail.getName(), name.asString());
        wakeUp();
    }

    @Override
    public void enQueue(Mail mail) throws MailQueueException {
        enQueue(mail, Duration.ZERO);
    }

    @Override
    public Publisher<Void> enqueueReactive(Mail mail) {
        return Mono.<Void>fromRunnable(() -> {
            try {
                enQueue(mail);
            } catch (MailQueueException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }).subscribeOn(Schedulers.boundedElastic());
    }

    @Override
    public Publisher<MailQueueItem> deQueue() {
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
                    wakeUp();
                });
        });
    }

    private Optional<MailQueueItem> take(AtomicBoolean cancelled) {
        while (!closed && !cancelled.get()) {
            long seen = changes.get();
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
                LOGGER.error("Reading queue {} failed; retrying", name.asString(), e);
            }
            waitForChange(seen);
        }
        return Optional.empty();
    }

    private Optional<Item> claimNext() throws SQLException {
        List<Long> ready = table.readyIds(name.asString(), clock.millis(), CANDIDATES + inFlight.size());
        for (long id : ready) {
            if (inFlight.add(id)) {
                Optional<QueueTable.Row> row = table.claim(id);
                if (row.isEmpty()) {
                    inFlight.remove(id);
                    continue;
                }
                try {
                    return Optional.of(new Item(row.get(), toMail(row.get())));
                } catch (MessagingException | RuntimeException unreadable) {
                    // An exception here would end the consumer's stream: one bad row would stop all delivery.
                    // The row stays claimed (skipped until restart) and in the table for an administrator.
                    LOGGER.error("Queued mail {} in {} cannot be read; it stays queued and is skipped until restart",
                        row.get().name, name.asString(), unreadable);
                }
            }
        }
        return Optional.empty();
    }

    private Mail toMail(QueueTable.Row row) throws MessagingException {
        Mail mail = codec.decode(row.name, row.sender, row.recipients, row.envelope, row.message, name.asString() + "/" + row.id);
        if (row.deliveries > 0) {
            mail.setAttribute(new Attribute(DeliveryIdentity.REDELIVERY, AttributeValue.of(true)));
            LOGGER.info("Mail {} is handed out again after an interrupted delivery", row.name);
        }
        return mail;
    }

    private void waitForChange(long seen) {
        synchronized (signal) {
            if (changes.get() == seen && !closed) {
                try {
                    signal.wait(IDLE_POLL.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    closed = true;
                }
            }
        }
    }

    private void wakeUp() {
        changes.incrementAndGet();
        synchronized (signal) {
            signal.notifyAll();
        }
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
            wakeUp();
        }

        @Override
        public void done(CompletionStatus status) throws MailQueueException {
            try {
                if (status == CompletionStatus.SUCCESS) {
                    table.delete(row.id);
                } else {
                    // RETRY and REJECT alike keep the mail: nothing is dropped, it comes back later.
                    table.postpone(row.id, clock.millis() + RETRY_DELAY.toMillis());
                    LOGGER.warn("Mail {} in {} completed with {}; retrying in {}", row.name, name.asString(), status, RETRY_DELAY);
                }
            } catch (SQLException e) {
                throw new MailQueueException("cannot complete mail " + row.name + " in " + name.asString(), e);
            } finally {
                inFlight.remove(row.id);
                wakeUp();
            }
        }
    }

    @Override
    public long getSize() throws MailQueueException {
        return sql(() -> table.count(name.asString()));
    }

    @Override
    public long flush() throws MailQueueException {
        long flushed = sql(() -> table.flush(name.asString(), clock.millis()));
        wakeUp();
        return flushed;
    }

    @Override
    public long clear() throws MailQueueException {
        return sql(() -> table.deleteAll(name.asString()));
    }

    @Override
    public long remove(Type type, String value) throws MailQueueException {
        switch (type) {
            case Name:
                return sql(() -> table.deleteWhere(name.asString(), "MAIL_NAME", value));
            case Sender:
                return sql(() -> table.deleteWhere(name.asString(), "SENDER", value));
            case Recipient:
                return sql(() -> removeByRecipient(value));
            default:
                throw new MailQueueException("unknown removal type " + type);
        }
    }

    private long removeByRecipient(String recipient) throws SQLException {
        long removed = 0;
        for (QueueTable.Row row : table.all(name.asString())) {
            if (List.of(row.recipients.split("\n")).contains(recipient)) {
                table.delete(row.id);
                removed++;
            }
        }
        return removed;
    }

    @Override
    public MailQueueIterator browse() throws MailQueueException {
        ImmutableList.Builder<MailQueueItemView> views = ImmutableList.builder();
        for (QueueTable.Row row : sql(() -> table.all(name.asString()))) {
            try {
                views.add(new DefaultMailQueueItemView(toMail(row),
                    ZonedDateTime.ofInstant(Instant.ofEpochMilli(row.nextDelivery), ZoneOffset.UTC)));
            } catch (MessagingException e) {
                throw new MailQueueException("cannot read queued mail " + row.name, e);
            }
        }
        Iterator<MailQueueItemView> iterator = views.build().iterator();
        return new MailQueueIterator() {
            @Override
            public void close() {
            }

            @Override
            public boolean hasNext() {
                return iterator.hasNext();
            }

            @Override
            public MailQueueItemView next() {
                return iterator.next();
            }
        };
    }

    @Override
    public void close() {
        closed = true;
        wakeUp();
        dequeueThread.dispose();
    }

    @FunctionalInterface
    private interface SqlCall<T> {
        T call() throws SQLException;
    }

    private <T> T sql(SqlCall<T> call) throws MailQueueException {
        try {
            return call.call();
        } catch (SQLException e) {
            throw new MailQueueException("queue " + name.asString() + " is not readable: " + e.getMessage(), e);
        }
    }
}
