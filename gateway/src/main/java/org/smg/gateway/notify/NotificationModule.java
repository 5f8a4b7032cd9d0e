package org.smg.gateway.notify;

import java.sql.SQLException;
import java.time.Clock;

import javax.inject.Singleton;
import javax.sql.DataSource;

import org.apache.james.mailbox.MailboxManager;
import org.apache.mailet.MailetContext;
import org.smg.gateway.enrollment.AccountStore;
import org.smg.gateway.enrollment.WebLinks;
import org.smg.policies.model.PolicyHolder;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;

/** The content-free notifications: their state table, the template outbox and the follow-up scheduler. */
public final class NotificationModule extends AbstractModule {
    private final String defaultDomain;

    public NotificationModule(String defaultDomain) {
        this.defaultDomain = defaultDomain;
    }

    @Provides
    @Singleton
    Notifier notifier(DataSource dataSource, AccountStore accounts, PolicyHolder policies, WebLinks links,
                      MailetContext context, MailboxManager mailboxes) throws SQLException {
        NotificationTable table = new NotificationTable(dataSource);
        table.createIfMissing();
        Notifier notifier = new Notifier(accounts, table, new TemplateOutbox(policies, links, context, defaultDomain),
            new InboxUnread(mailboxes), () -> policies.current().notifications().interval(), Clock.systemUTC());
        // Daemon thread for the life of the JVM, like the mail spooler it follows.
        new NotificationScheduler(notifier);
        return notifier;
    }
}
