package org.smg.gateway.queue;

import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;

import javax.mail.MessagingException;

import org.apache.james.queue.api.ManageableMailQueue.DefaultMailQueueItemView;
import org.apache.james.queue.api.ManageableMailQueue.MailQueueItemView;
import org.apache.james.queue.api.ManageableMailQueue.MailQueueIterator;
import org.smg.gateway.storage.EncryptedMessageSource;

/**
 * Lists a queue in enqueue order. Ids are read up front, each mail only when the caller reaches
 * it: the whole queue is never in memory, and mails delivered or removed meanwhile are skipped.
 */
final class QueueBrowser implements MailQueueIterator {
    private final QueueTable table;
    private final MailCodec codec;
    private final String queue;
    private final Iterator<Long> ids;
    private MailQueueItemView next;

    QueueBrowser(QueueTable table, MailCodec codec, String queue) throws SQLException {
        this.table = table;
        this.codec = codec;
        this.queue = queue;
        this.ids = table.ids(queue).iterator();
    }

    @Override
    public boolean hasNext() {
        while (next == null && ids.hasNext()) {
            next = read(ids.next()).orElse(null);
        }
        return next != null;
    }

    @Override
    public MailQueueItemView next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        MailQueueItemView view = next;
        next = null;
        return view;
    }

    private Optional<MailQueueItemView> read(long id) {
        try {
            return table.read(id).map(this::view);
        } catch (SQLException e) {
            throw new IllegalStateException("queue " + queue + " is not readable: " + e.getMessage(), e);
        }
    }

    private MailQueueItemView view(QueueTable.Row row) {
        try {
            return new DefaultMailQueueItemView(codec.decode(row.mail, new EncryptedMessageSource(queue + "/" + row.id, row.message)),
                ZonedDateTime.ofInstant(Instant.ofEpochMilli(row.nextDelivery), ZoneOffset.UTC));
        } catch (MessagingException e) {
            row.message.close();
            throw new IllegalStateException("cannot read queued mail " + row.mail.name + " in " + queue, e);
        }
    }

    @Override
    public void close() {
    }
}
