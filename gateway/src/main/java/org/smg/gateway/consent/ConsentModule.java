package org.smg.gateway.consent;

import java.sql.SQLException;
import java.time.Clock;

import javax.inject.Singleton;
import javax.sql.DataSource;

import org.apache.james.mailbox.Authorizator;
import org.apache.james.webadmin.Routes;
import org.smg.gateway.admin.ConsentRoutes;
import org.smg.gateway.audit.AuditTrail;
import org.smg.gateway.enrollment.AccountSessions;
import org.smg.gateway.enrollment.AccountStore;
import org.smg.gateway.enrollment.MailedNotices;
import org.smg.policies.model.PolicyHolder;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.multibindings.Multibinder;

/** Representatives' consents: the table, the rules, their WebAdmin routes and the mailbox {@link Authorizator} that asks them. */
public final class ConsentModule extends AbstractModule {
    @Override
    protected void configure() {
        Multibinder.newSetBinder(binder(), Routes.class).addBinding().to(ConsentRoutes.class);
        bind(ConsentSchedule.class).asEagerSingleton();
    }

    @Provides
    @Singleton
    Consents consents(DataSource dataSource, AccountStore accounts, PolicyHolder policies, AuditTrail audit, MailedNotices notices,
                      AccountSessions sessions)
        throws SQLException {
        ConsentStore store = new ConsentStore(dataSource);
        store.createIfMissing();
        return new Consents(store, accounts, policies, audit, notices, sessions, Clock.systemUTC());
    }
}
