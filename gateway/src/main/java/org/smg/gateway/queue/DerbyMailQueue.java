package org.smg.gateway.queue;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;

import org.apache.james.queue.api.MailQueueItemDecoratorFactory;
import org.apache.james.queue.api.MailQueueName;
import org.apache.james.queue.api.ManageableMailQueue;
import org.apache.mailet.Mail;
import org.reactivestreams.Publisher;

/**
 * A James mail queue kept in the encrypted Derby database: a front over {@link Enqueuer} and
 * {@link Dequeuer}, plus the administrator's operations (size, browse, flush, clear, remove).
 *
 * <p>Guarantees: {@link #enQueue} returns only after the mail is committed, so a {@code 250}
 * reply means the mail survives {@code kill -9}. A mail leaves the table only when its
 * processing reports success (see {@link Dequeuer}).
 */
final class DerbyMailQueue implements ManageableMailQueue {
    private final MailQueueName name;
    private final QueueTable table;
    private final MailCodec codec;
    private final Clock clock;
    private final ChangeSignal signal = new ChangeSignal();
    private final Enqueuer enqueuer;
    private final Dequeuer dequeuer;

    DerbyMailQueue(MailQueueName name, QueueTable table, MailQueueItemDecoratorFactory decorators, Clock clock) {
        this.name = name;
        this.table = table;
        this.codec = new MailCodec();
        this.clock = clock;
        this.enqueuer = new Enqueuer(name, table, codec, clock, signal);
        this.dequeuer = new Dequeuer(name, table, codec, decorators, clock, signal);
    }

    @Override
    public MailQueueName getName() {
        return name;
    }

    @Override
    public void enQueue(Mail mail, Duration delay) throws MailQueueException {
        enqueuer.enQueue(mail, delay);
    }

    @Override
    public void enQueue(Mail mail) throws MailQueueException {
        enqueuer.enQueue(mail, Duration.ZERO);
    }

    @Override
    public Publisher<Void> enqueueReactive(Mail mail) {
        return enqueuer.enqueueReactive(mail);
    }

    @Override
    public Publisher<MailQueueItem> deQueue() {
        return dequeuer.deQueue();
    }

    @Override
    public long getSize() throws MailQueueException {
        return sql(() -> table.count(name.asString()));
    }

    @Override
    public long flush() throws MailQueueException {
        long flushed = sql(() -> table.flush(name.asString(), clock.millis()));
        signal.changed();
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
                return sql(() -> table.deleteByName(name.asString(), value));
            case Sender:
                return sql(() -> table.deleteBySender(name.asString(), value));
            case Recipient:
                return sql(() -> table.deleteByRecipient(name.asString(), value));
            default:
                throw new MailQueueException("unknown removal type " + type);
        }
    }

    @Override
    public MailQueueIterator browse() throws MailQueueException {
        return sql(() -> new QueueBrowser(table, codec, name.asString()));
    }

    @Override
    public void close() {
        dequeuer.close();
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
