package org.smg.gateway;

import org.apache.james.NaiveDelegationStoreModule;
import org.apache.james.modules.MailboxModule;
import org.apache.james.modules.MailetProcessingModule;
import org.apache.james.modules.mailbox.DefaultEventModule;
import org.apache.james.modules.mailbox.MemoryDeadLetterModule;
import org.apache.james.modules.protocols.IMAPServerModule;
import org.apache.james.modules.protocols.ProtocolHandlerModule;
import org.apache.james.modules.protocols.SMTPServerModule;
import org.apache.james.modules.server.DataRoutesModules;
import org.apache.james.modules.server.DefaultProcessorsConfigurationProviderModule;
import org.apache.james.modules.server.MailQueueRoutesModule;
import org.apache.james.modules.server.MailRepositoriesRoutesModule;
import org.apache.james.modules.server.MailboxRoutesModule;
import org.apache.james.modules.server.NoJwtModule;
import org.apache.james.modules.server.RawPostDequeueDecoratorModule;
import org.apache.james.modules.server.TaskManagerModule;
import org.apache.james.modules.server.WebAdminServerModule;
import org.smg.gateway.queue.DerbyMailQueueModule;
import org.smg.gateway.storage.JpaDataModule;
import org.smg.gateway.storage.JpaMailboxModule;

import com.google.inject.Module;
import com.google.inject.util.Modules;

/**
 * The James modules the gateway is made of. What is absent is off: no POP3, LMTP, ManageSieve,
 * JMAP or JMX module is installed, so none of those listeners can open.
 */
final class JamesModules {
    private JamesModules() {
    }

    static Module storage() {
        return Modules.combine(
            new JpaDataModule(),
            new JpaMailboxModule(),
            new MailboxModule(),
            new DefaultEventModule(),
            new MemoryDeadLetterModule(),
            new NaiveDelegationStoreModule(),
            new DerbyMailQueueModule(),
            new RawPostDequeueDecoratorModule(),
            new TaskManagerModule());
    }

    static Module mailProcessing() {
        return Modules.combine(
            new MailetProcessingModule(),
            new DefaultProcessorsConfigurationProviderModule());
    }

    static Module protocols() {
        return Modules.combine(
            new ProtocolHandlerModule(),
            new SMTPServerModule(),
            new IMAPServerModule());
    }

    static Module webAdmin() {
        return Modules.combine(
            new WebAdminServerModule(),
            new NoJwtModule(),
            new DataRoutesModules(),
            new MailboxRoutesModule(),
            new MailQueueRoutesModule(),
            new MailRepositoriesRoutesModule());
    }
}
