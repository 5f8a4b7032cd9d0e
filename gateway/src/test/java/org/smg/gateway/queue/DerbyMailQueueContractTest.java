package org.smg.gateway.queue;

import java.nio.file.Path;

import org.apache.james.queue.api.DelayedManageableMailQueueContract;
import org.apache.james.queue.api.MailQueueName;
import org.apache.james.queue.api.ManageableMailQueue;
import org.apache.james.queue.api.RawMailQueueItemDecoratorFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.smg.gateway.storage.EncryptedDerbyDatabase;
import org.smg.gateway.storage.Secret;

/**
 * James's own mail-queue contract (plain, manageable and delayed), run against the Derby queue
 * on a fresh encrypted database per test. Tests the design deliberately answers differently are
 * overridden here with the reason, and listed in decision 0005.
 */
class DerbyMailQueueContractTest implements DelayedManageableMailQueueContract {
    private static final Secret SECRET = Secret.of("a-test-secret-of-32-chars-......");

    @TempDir
    Path directory;

    private EncryptedDerbyDatabase database;
    private DerbyMailQueueFactory factory;
    private ManageableMailQueue queue;

    @BeforeEach
    void open() throws Exception {
        database = EncryptedDerbyDatabase.open(directory.resolve("db"), SECRET);
        factory = new DerbyMailQueueFactory(database.dataSource(), new RawMailQueueItemDecoratorFactory());
        queue = factory.createQueue(MailQueueName.of("spool"));
    }

    @AfterEach
    void close() {
        factory.close();
        database.close();
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
