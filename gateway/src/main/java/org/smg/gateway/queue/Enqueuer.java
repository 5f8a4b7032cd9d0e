package org.smg.gateway.queue;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;

import javax.mail.MessagingException;

import org.apache.james.queue.api.MailQueue.MailQueueException;
import org.apache.james.queue.api.MailQueueName;
import org.apache.mailet.Mail;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Writes mails into one queue; returns only once the row is committed, so SMTP's 250 means the mail is on disk. */
final class Enqueuer {
    private static final Logger LOGGER = LoggerFactory.getLogger(Enqueuer.class);

    private final MailQueueName name;
    private final QueueTable table;
    private final MailCodec codec;
    private final Clock clock;
    private final ChangeSignal signal;

    Enqueuer(MailQueueName name, QueueTable table, MailCodec codec, Clock clock, ChangeSignal signal) {
        this.name = name;
        this.table = table;
        this.codec = codec;
        this.clock = clock;
        this.signal = signal;
    }

    void enQueue(Mail mail, Duration delay) throws MailQueueException {
        try (MailCodec.Encoded encoded = codec.encode(mail)) {
            table.insert(name.asString(), encoded, deliveryTime(delay));
        } catch (SQLException | MessagingException e) {
            throw new MailQueueException("cannot enqueue mail " + mail.getName() + " in " + name.asString(), e);
        }
        LOGGER.debug("Enqueued mail {} in {}", mail.getName(), name.asString());
        signal.changed();
    }

    Publisher<Void> enqueueReactive(Mail mail) {
        return Mono.<Void>fromRunnable(() -> {
            try {
                enQueue(mail, Duration.ZERO);
            } catch (MailQueueException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }).subscribeOn(Schedulers.boundedElastic());
    }

    /** A negative delay means now; a delay beyond what a long holds in milliseconds means never (until flushed). */
    private long deliveryTime(Duration delay) {
        if (delay.isNegative()) {
            return clock.millis();
        }
        try {
            return Math.addExact(clock.millis(), delay.toMillis());
        } catch (ArithmeticException tooFar) {
            return Long.MAX_VALUE;
        }
    }
}
