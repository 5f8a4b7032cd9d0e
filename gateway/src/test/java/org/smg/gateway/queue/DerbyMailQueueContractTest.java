package org.smg.gateway.queue;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.james.queue.api.DelayedManageableMailQueueContract;
import org.apache.james.queue.api.MailQueueName;
import org.apache.james.queue.api.ManageableMailQueue;
import org.apache.james.queue.api.RawMailQueueItemDecoratorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.smg.gateway.storage.EncryptedDerbyDatabase;
import org.smg.gateway.secrets.Secret;

/**
 * James's own mail-queue contract (plain, manageable and delayed), run against the Derby queue.
 * Each test gets a fresh factory and a queue of its own name; the encrypted database is shared
 * by the class, since creating one takes seconds and the contract has some ninety tests.
 */
class DerbyMailQueueContractTest implements DelayedManageableMailQueueContract {
    private static final Secret SECRET = Secret.of("a-test-secret-of-32-chars-......");
    private static final AtomicInteger QUEUES = new AtomicInteger();

    @TempDir
    static Path directory;

    private static EncryptedDerbyDatabase database;
    private DerbyMailQueueFactory factory;
    private ManageableMailQueue queue;

    @BeforeAll
    static void openDatabase() throws Exception {
        database = EncryptedDerbyDatabase.open(directory.resolve("db"), SECRET);
    }

    @AfterAll
    static void closeDatabase() {
        database.close();
    }

    @BeforeEach
    void open() throws Exception {
        factory = new DerbyMailQueueFactory(database.dataSource(), new RawMailQueueItemDecoratorFactory());
        queue = factory.createQueue(MailQueueName.of("contract-" + QUEUES.incrementAndGet()));
    }

    @AfterEach
    void close() {
        factory.close();
    }

    @Override
    public ManageableMailQueue getManageableMailQueue() {
        return queue;
    }

    @Override
    public ManageableMailQueue getMailQueue() {
        return queue;
    }
}
