package org.smg.gateway.queue;

import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.annotation.PreDestroy;
import javax.inject.Inject;
import javax.sql.DataSource;

import org.apache.james.queue.api.MailQueueFactory;
import org.apache.james.queue.api.MailQueueItemDecoratorFactory;
import org.apache.james.queue.api.MailQueueName;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.common.collect.ImmutableSet;

/** Creates the gateway's durable queues ({@code spool}, {@code outgoing}, ...), all in one table of the encrypted database. */
public final class DerbyMailQueueFactory implements MailQueueFactory<DerbyMailQueue> {
    private static final Logger LOGGER = LoggerFactory.getLogger(DerbyMailQueueFactory.class);

    private final QueueTable table;
    private final MailQueueItemDecoratorFactory decorators;
    private final ConcurrentMap<MailQueueName, DerbyMailQueue> queues = new ConcurrentHashMap<>();

    @Inject
    public DerbyMailQueueFactory(DataSource dataSource, MailQueueItemDecoratorFactory decorators) throws SQLException {
        this.table = new QueueTable(dataSource);
        this.decorators = decorators;
        table.createIfMissing();
        table.deleteSuperseded().forEach(mail ->
            LOGGER.info("Mail {} was queued twice when the gateway stopped; only its newest copy is kept", mail));
    }

    @Override
    public Optional<DerbyMailQueue> getQueue(MailQueueName name, PrefetchCount count) {
        return Optional.ofNullable(queues.get(name))
            .or(() -> storedQueueNames().contains(name) ? Optional.of(createQueue(name, count)) : Optional.empty());
    }

    @Override
    public DerbyMailQueue createQueue(MailQueueName name, PrefetchCount count) {
        return queues.computeIfAbsent(name, queueName -> new DerbyMailQueue(queueName, table, decorators, Clock.systemUTC()));
    }

    @Override
    public Set<MailQueueName> listCreatedMailQueues() {
        return Stream.concat(queues.keySet().stream(), storedQueueNames().stream())
            .collect(ImmutableSet.toImmutableSet());
    }

    private Set<MailQueueName> storedQueueNames() {
        try {
            return table.queueNames().stream().map(MailQueueName::of).collect(Collectors.toSet());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list queues: " + e.getMessage(), e);
        }
    }

    @PreDestroy
    public void close() {
        queues.values().forEach(DerbyMailQueue::close);
    }
}
