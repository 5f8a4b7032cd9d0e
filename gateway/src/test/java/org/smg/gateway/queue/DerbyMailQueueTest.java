package org.smg.gateway.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.james.core.builder.MimeMessageBuilder;
import org.apache.james.queue.api.MailQueue.MailQueueItem;
import org.apache.james.queue.api.MailQueue.MailQueueItem.CompletionStatus;
import org.apache.james.queue.api.MailQueueName;
import org.apache.james.queue.api.ManageableMailQueue;
import org.apache.james.queue.api.ManageableMailQueue.MailQueueItemView;
import org.apache.james.queue.api.RawMailQueueItemDecoratorFactory;
import org.apache.james.server.core.MailImpl;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.PerRecipientHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smg.gateway.secrets.Secret;
import org.smg.gateway.storage.EncryptedDerbyDatabase;
import org.smg.mailets.DeliveryIdentity;

import reactor.core.publisher.Flux;

class DerbyMailQueueTest {
    private static final Secret SECRET = Secret.of("a-test-secret-of-32-chars-......");
    private static final MailQueueName SPOOL = MailQueueName.of("spool");
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration QUIET = Duration.ofMillis(1500);
    private static final AttributeName CUSTOM = AttributeName.of("org.smg.test.custom");
    private static final AttributeName COUNT = AttributeName.of("org.smg.test.count");

    @TempDir
    Path directory;

    private EncryptedDerbyDatabase database;
    private DerbyMailQueueFactory factory;
    private DerbyMailQueue queue;

    @BeforeEach
    void open() throws Exception {
        database = EncryptedDerbyDatabase.open(directory.resolve("db"), SECRET);
        factory = new DerbyMailQueueFactory(database.dataSource(), new RawMailQueueItemDecoratorFactory());
        queue = factory.createQueue(SPOOL);
    }

    @AfterEach
    void close() {
        factory.close();
        database.close();
    }

    @Test
    void dequeuedMailShouldKeepEnvelopeAttributesAndMessageWhenEnqueued() throws Exception {
        Mail mail = mail("mail-1");

        queue.enQueue(mail);
        Mail dequeued = next().getMail();

        assertThat(dequeued.getName()).isEqualTo("mail-1");
        assertThat(dequeued.getMaybeSender().asString()).isEqualTo("sender@staff.test");
        assertThat(dequeued.getRecipients()).containsExactly(
            new MailAddress("one@gateway.localhost"), new MailAddress("two@gateway.localhost"));
        assertThat(dequeued.getState()).isEqualTo("transport");
        assertThat(dequeued.getRemoteAddr()).isEqualTo("192.0.2.7");
        assertThat(dequeued.getAttribute(CUSTOM)).contains(new Attribute(CUSTOM, AttributeValue.of("custom value")));
        assertThat(dequeued.getAttribute(COUNT)).contains(new Attribute(COUNT, AttributeValue.of(3)));
        assertThat(dequeued.getAttribute(DeliveryIdentity.REDELIVERY)).isEmpty();
        assertThat(dequeued.getPerRecipientSpecificHeaders()).isEqualTo(mail.getPerRecipientSpecificHeaders());
        assertThat(bytes(dequeued)).isEqualTo(bytes(mail));
    }

    @Test
    void mailShouldNotBeHandedOutAgainWhenItIsInFlight() throws Exception {
        queue.enQueue(mail("mail-1"));

        List<MailQueueItem> handedOut = Flux.from(queue.deQueue()).take(QUIET).collectList().block(WAIT);

        assertThat(handedOut).extracting(item -> item.getMail().getName()).containsExactly("mail-1");
        assertThat(queue.getSize()).isEqualTo(1);
    }

    @Test
    void mailShouldBeRemovedWhenDoneWithSuccess() throws Exception {
        queue.enQueue(mail("mail-1"));

        next().done(CompletionStatus.SUCCESS);

        assertThat(queue.getSize()).isZero();
        assertThat(nothingWithin(QUIET)).isTrue();
    }

    @Test
    void mailShouldBeKeptAndHandedOutAgainWhenDoneWithRetry() throws Exception {
        queue.enQueue(mail("mail-1"));

        next().done(CompletionStatus.RETRY);
        long sizeAfterRetry = queue.getSize();
        Mail retried = next().getMail();

        assertThat(sizeAfterRetry).isEqualTo(1);
        assertThat(retried.getName()).isEqualTo("mail-1");
        assertThat(retried.getAttribute(DeliveryIdentity.REDELIVERY)).isPresent();
    }

    @Test
    void mailShouldBeKeptAndHandedOutAgainWhenDoneWithReject() throws Exception {
        queue.enQueue(mail("mail-1"));

        next().done(CompletionStatus.REJECT);

        assertThat(next().getMail().getName()).as("nothing is dropped").isEqualTo("mail-1");
    }

    @Test
    void retryDelayShouldGrowWithEachHandOutUpToItsLimit() {
        List<Duration> delays = List.of(Dequeuer.retryDelay(1), Dequeuer.retryDelay(2), Dequeuer.retryDelay(3),
            Dequeuer.retryDelay(8), Dequeuer.retryDelay(1000));

        assertThat(delays).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400),
            Duration.ofSeconds(10), Duration.ofSeconds(10));
    }

    @Test
    void mailShouldBeHandedOutBehindWaitingMailWhenDoneWithRetry() throws Exception {
        queue.enQueue(mail("failing"));
        MailQueueItem failing = next();
        queue.enQueue(mail("waiting"));

        failing.done(CompletionStatus.RETRY);
        Thread.sleep(Dequeuer.retryDelay(1).toMillis());
        List<String> names = Flux.from(queue.deQueue()).take(2).map(item -> item.getMail().getName()).collectList().block(WAIT);

        assertThat(names).containsExactly("waiting", "failing");
    }

    @Test
    void mailInFlightShouldComeBackFlaggedAsRedeliveryWhenQueueIsReopened() throws Exception {
        queue.enQueue(mail("interrupted"));
        queue.enQueue(mail("untouched"));
        assertThat(next().getMail().getName()).isEqualTo("interrupted");

        close();
        open();
        List<Mail> afterRestart = List.of(next().getMail(), next().getMail());

        assertThat(afterRestart).extracting(Mail::getName).containsExactly("interrupted", "untouched");
        assertThat(afterRestart.get(0).getAttribute(DeliveryIdentity.REDELIVERY))
            .contains(new Attribute(DeliveryIdentity.REDELIVERY, AttributeValue.of(true)));
        assertThat(afterRestart.get(1).getAttribute(DeliveryIdentity.REDELIVERY)).isEmpty();
    }

    @Test
    void onlyTheNewestCopyShouldBeHandedOutWhenTheGatewayStoppedBetweenRequeueAndAcknowledge() throws Exception {
        queue.enQueue(mail("requeued"));
        Mail inFlight = next().getMail();
        inFlight.setAttribute(new Attribute(DeliveryIdentity.PROCESSING_ERROR_COUNT, AttributeValue.of(1)));
        queue.enQueue(inFlight);

        close();
        open();
        MailQueueItem afterRestart = next();
        afterRestart.done(CompletionStatus.SUCCESS);

        assertThat(afterRestart.getMail().getAttribute(DeliveryIdentity.PROCESSING_ERROR_COUNT))
            .as("the requeued copy, not the one being processed")
            .contains(new Attribute(DeliveryIdentity.PROCESSING_ERROR_COUNT, AttributeValue.of(1)));
        assertThat(nothingWithin(QUIET)).as("no second copy").isTrue();
        assertThat(queue.getSize()).isZero();
    }

    @Test
    void delayedMailShouldBeHandedOutOnlyWhenItsDelayIsOver() throws Exception {
        queue.enQueue(mail("later"), Duration.ofSeconds(3));

        boolean nothingAtFirst = nothingWithin(QUIET);
        Mail later = next().getMail();

        assertThat(nothingAtFirst).isTrue();
        assertThat(later.getName()).isEqualTo("later");
    }

    @Test
    void delayedMailShouldBeHandedOutAtOnceWhenQueueIsFlushed() throws Exception {
        queue.enQueue(mail("later"), Duration.ofHours(1));

        long flushed = queue.flush();

        assertThat(flushed).isEqualTo(1);
        assertThat(next().getMail().getName()).isEqualTo("later");
    }

    @Test
    void sizeBrowseAndClearShouldConcernOnlyTheirQueueWhenQueuesShareTheTable() throws Exception {
        DerbyMailQueue outgoing = factory.createQueue(MailQueueName.of("outgoing"));
        queue.enQueue(mail("spool-1"));
        queue.enQueue(mail("spool-2"), Duration.ofHours(1));
        outgoing.enQueue(mail("outgoing-1"));

        List<String> browsed = new ArrayList<>();
        queue.browse().forEachRemaining(view -> browsed.add(view.getMail().getName()));
        long sizeBefore = queue.getSize();
        long cleared = queue.clear();

        assertThat(browsed).containsExactly("spool-1", "spool-2");
        assertThat(sizeBefore).isEqualTo(2);
        assertThat(cleared).isEqualTo(2);
        assertThat(queue.getSize()).isZero();
        assertThat(outgoing.getSize()).isEqualTo(1);
        assertThat(factory.listCreatedMailQueues()).contains(SPOOL, MailQueueName.of("outgoing"));
    }

    @Test
    void browseShouldShowTheNextDeliveryWhenMailIsDelayed() throws Exception {
        queue.enQueue(mail("later"), Duration.ofHours(1));

        MailQueueItemView view = queue.browse().next();

        assertThat(view.getNextDelivery()).isPresent();
        assertThat(view.getNextDelivery().get().toInstant())
            .isAfter(java.time.Instant.now().plus(Duration.ofMinutes(59)));
    }

    @Test
    void browseShouldSkipMailRemovedWhileIterating() throws Exception {
        queue.enQueue(mail("first"));
        queue.enQueue(mail("removed"));
        queue.enQueue(mail("last"));

        ManageableMailQueue.MailQueueIterator browsing = queue.browse();
        List<String> browsed = new ArrayList<>(List.of(browsing.next().getMail().getName()));
        queue.remove(ManageableMailQueue.Type.Name, "removed");
        browsing.forEachRemaining(view -> browsed.add(view.getMail().getName()));

        assertThat(browsed).containsExactly("first", "last");
    }

    @Test
    void delayedMailShouldWaitForFlushWhenDelayExceedsWhatMillisecondsHold() throws Exception {
        queue.enQueue(mail("never"), Duration.ofSeconds(Long.MAX_VALUE));

        boolean nothingBeforeFlush = nothingWithin(QUIET);
        queue.flush();

        assertThat(nothingBeforeFlush).isTrue();
        assertThat(next().getMail().getName()).isEqualTo("never");
    }

    @Test
    void removeShouldDeleteOnlyMatchingMailWhenGivenNameSenderOrRecipient() throws Exception {
        queue.enQueue(mail("by-name"));
        queue.enQueue(MailImpl.builder().name("by-sender").sender("other@staff.test")
            .addRecipient("three@gateway.localhost").mimeMessage(message()).build());
        queue.enQueue(MailImpl.builder().name("by-recipient").sender("sender@staff.test")
            .addRecipient("four@gateway.localhost").mimeMessage(message()).build());
        queue.enQueue(MailImpl.builder().name("kept").sender("sender@staff.test")
            .addRecipient("five@gateway.localhost").mimeMessage(message()).build());

        long byName = queue.remove(ManageableMailQueue.Type.Name, "by-name");
        long bySender = queue.remove(ManageableMailQueue.Type.Sender, "other@staff.test");
        long byRecipient = queue.remove(ManageableMailQueue.Type.Recipient, "four@gateway.localhost");

        assertThat(List.of(byName, bySender, byRecipient)).containsExactly(1L, 1L, 1L);
        assertThat(queue.getSize()).isEqualTo(1);
        assertThat(next().getMail().getName()).isEqualTo("kept");
    }

    @Test
    void unreadableQueuedMailShouldNotStopTheQueueWhenItComesFirst() throws Exception {
        MailCodec.Encoded readable = new MailCodec().encode(mail("readable"));
        String unknownAttribute = "\"attributes\":{\"org.smg.test.unreadable\":{\"serializer\":\"NoSuchSerializer\",\"value\":\"x\"},";
        new QueueTable(database.dataSource()).insert(SPOOL.asString(), new MailCodec.Encoded("unreadable", readable.sender,
            readable.recipients, readable.envelope.replace("\"attributes\":{", unknownAttribute), readable.message), 0);
        queue.enQueue(mail("readable"));

        MailQueueItem first = next();

        assertThat(first.getMail().getName()).isEqualTo("readable");
        assertThat(queue.getSize()).as("the unreadable mail stays for an administrator").isEqualTo(2);
    }

    @Test
    void concurrentEnqueuesShouldAllBeCommittedWhenTheDatabaseIsNew() throws Exception {
        // A 250 depends on each of these: Derby's identity generator used to refuse some of them under contention.
        int threads = 16;
        int perThread = 20;
        ExecutorService senders = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> enqueues = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                enqueues.add(senders.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        queue.enQueue(mail("mail-" + thread + "-" + i));
                    }
                    return null;
                }));
            }
            for (Future<?> enqueue : enqueues) {
                enqueue.get(1, TimeUnit.MINUTES);
            }
        } finally {
            senders.shutdownNow();
        }

        assertThat(queue.getSize()).isEqualTo(threads * perThread);
    }

    @Test
    void mailShouldBeHandedOutInEnqueueOrderWhenTheQueueIsReopened() throws Exception {
        queue.enQueue(mail("first"));
        queue.enQueue(mail("second"));
        factory.close();
        factory = new DerbyMailQueueFactory(database.dataSource(), new RawMailQueueItemDecoratorFactory());
        queue = factory.createQueue(SPOOL);
        queue.enQueue(mail("third"));

        List<String> names = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            MailQueueItem item = next();
            names.add(item.getMail().getName());
            item.done(CompletionStatus.SUCCESS);
        }

        assertThat(names).containsExactly("first", "second", "third");
    }

    @Test
    void queuedMailShouldBeKeptAndNewMailAcceptedWhenTheTableLetDerbyGenerateIds() throws Exception {
        factory.close();
        try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("DROP TABLE " + QueueTable.TABLE);
            statement.executeUpdate("CREATE TABLE " + QueueTable.TABLE + " (ID BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
                + "QUEUE_NAME VARCHAR(255) NOT NULL, MAIL_NAME VARCHAR(1024) NOT NULL, SENDER VARCHAR(1024) NOT NULL, "
                + "RECIPIENTS CLOB NOT NULL, ENVELOPE CLOB NOT NULL, MESSAGE BLOB NOT NULL, NEXT_DELIVERY BIGINT NOT NULL, "
                + "DELIVERIES INT NOT NULL DEFAULT 0)");
        }
        MailCodec.Encoded old = new MailCodec().encode(mail("queued-before-upgrade"));
        try (Connection connection = database.dataSource().getConnection(); PreparedStatement insert = connection.prepareStatement(
            "INSERT INTO " + QueueTable.TABLE + " (QUEUE_NAME, MAIL_NAME, SENDER, RECIPIENTS, ENVELOPE, MESSAGE, NEXT_DELIVERY) VALUES (?, ?, ?, ?, ?, ?, 0)")) {
            insert.setString(1, SPOOL.asString());
            insert.setString(2, old.name);
            insert.setString(3, old.sender);
            insert.setString(4, old.recipients);
            insert.setString(5, old.envelope);
            insert.setBinaryStream(6, old.message.open());
            insert.executeUpdate();
        }
        factory = new DerbyMailQueueFactory(database.dataSource(), new RawMailQueueItemDecoratorFactory());
        queue = factory.createQueue(SPOOL);

        queue.enQueue(mail("queued-after-upgrade"));

        assertThat(Flux.from(queue.deQueue()).take(2).map(item -> item.getMail().getName()).collectList().block(WAIT))
            .containsExactly("queued-before-upgrade", "queued-after-upgrade");
    }

    private MailQueueItem next() {
        return Flux.from(queue.deQueue()).next().block(WAIT);
    }

    private boolean nothingWithin(Duration duration) {
        return Flux.from(queue.deQueue()).take(duration).collectList().block(WAIT).isEmpty();
    }

    private static Mail mail(String name) throws MessagingException {
        MailAddress one = new MailAddress("one@gateway.localhost");
        return MailImpl.builder()
            .name(name)
            .sender("sender@staff.test")
            .addRecipients(one, new MailAddress("two@gateway.localhost"))
            .state("transport")
            .remoteAddr("192.0.2.7")
            .remoteHost("staff-mta.test")
            .addAttribute(new Attribute(CUSTOM, AttributeValue.of("custom value")))
            .addAttribute(new Attribute(COUNT, AttributeValue.of(3)))
            .addHeaderForRecipient(PerRecipientHeaders.Header.builder().name("X-For-One").value("only one").build(), one)
            .mimeMessage(message())
            .build();
    }

    private static MimeMessageBuilder message() throws MessagingException {
        return MimeMessageBuilder.mimeMessageBuilder()
            .setSubject("queued")
            .addFrom("sender@staff.test")
            .addToRecipient("one@gateway.localhost")
            .setText("A queued message with some text.\r\nSecond line.");
    }

    private static byte[] bytes(Mail mail) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        mail.getMessage().writeTo(out);
        return out.toByteArray();
    }
}
