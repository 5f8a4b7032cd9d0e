package org.smg.gateway.relay;

import java.sql.SQLException;

import javax.inject.Singleton;
import javax.sql.DataSource;

import org.apache.james.webadmin.Routes;
import org.smg.gateway.admin.RelayAccountRoutes;
import org.smg.gateway.audit.AuditTrail;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.multibindings.Multibinder;

/** Relay accounts of staff MTAs: the table, the rules and their WebAdmin routes. */
public final class RelayModule extends AbstractModule {
    @Override
    protected void configure() {
        Multibinder.newSetBinder(binder(), Routes.class).addBinding().to(RelayAccountRoutes.class);
    }

    @Provides
    @Singleton
    RelayAccounts relayAccounts(DataSource dataSource, AuditTrail audit) throws SQLException {
        RelayAccountStore store = new RelayAccountStore(dataSource);
        store.createIfMissing();
        return new RelayAccounts(store, audit);
    }
}
