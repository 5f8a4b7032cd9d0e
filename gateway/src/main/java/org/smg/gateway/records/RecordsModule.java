package org.smg.gateway.records;

import java.sql.SQLException;
import java.time.Clock;

import javax.inject.Singleton;
import javax.sql.DataSource;

import org.apache.james.mailbox.MailboxManager;
import org.apache.james.webadmin.Routes;
import org.smg.gateway.audit.AuditTrail;
import org.smg.gateway.enrollment.AccountStore;
import org.smg.policies.model.PolicyHolder;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.multibindings.Multibinder;

/**
 * The records store: its tables in the encrypted database, the keeper the delivery mailets call,
 * the disposal schedule (hourly, on one daemon thread) and the admin routes.
 */
public final class RecordsModule extends AbstractModule {
    @Override
    protected void configure() {
        Multibinder.newSetBinder(binder(), Routes.class).addBinding().to(RecordRoutes.class);
        bind(DisposalSchedule.class).asEagerSingleton();
    }

    @Provides
    @Singleton
    RecordStore store(DataSource dataSource) throws SQLException {
        RecordStore store = new RecordStore(dataSource, Clock.systemUTC());
        store.createIfMissing();
        return store;
    }

    @Provides
    @Singleton
    RecordKeeper keeper(RecordStore store, AccountStore accounts, PolicyHolder policies) {
        return new RecordKeeper(store, accounts, () -> policies.current().programs());
    }

    @Provides
    @Singleton
    RecordDisposal disposal(RecordStore store, PolicyHolder policies, AuditTrail audit) {
        return new RecordDisposal(store, () -> policies.current().programs(), audit, Clock.systemUTC());
    }

    @Provides
    @Singleton
    RecordRoutes routes(RecordStore store, MailboxManager mailboxes, AccountStore accounts, PolicyHolder policies, AuditTrail audit) {
        return new RecordRoutes(store, new RecordRestore(mailboxes, store), accounts, () -> policies.current().programs(), audit);
    }
}
