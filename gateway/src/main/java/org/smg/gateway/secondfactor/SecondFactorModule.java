package org.smg.gateway.secondfactor;

import java.sql.SQLException;
import java.time.Clock;

import javax.inject.Singleton;
import javax.sql.DataSource;

import org.apache.james.webadmin.Routes;
import org.smg.gateway.admin.SecondFactorRoutes;
import org.smg.gateway.audit.AuditTrail;
import org.smg.gateway.auth.ProtocolPasswords;
import org.smg.gateway.enrollment.DerivedCredentials;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.multibindings.Multibinder;

/** Second factors and app passwords: their tables, the protocol password rule, the administrators' reset route. */
public final class SecondFactorModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(ProtocolPasswords.class).to(MailProtocolPasswords.class);
        bind(DerivedCredentials.class).to(AppPasswords.class);
        Multibinder.newSetBinder(binder(), Routes.class).addBinding().to(SecondFactorRoutes.class);
    }

    @Provides
    @Singleton
    SecondFactorStore store(DataSource dataSource) throws SQLException {
        SecondFactorStore store = new SecondFactorStore(dataSource);
        store.createIfMissing();
        return store;
    }

    @Provides
    @Singleton
    SecondFactors secondFactors(SecondFactorStore store, AuditTrail audit) {
        return new SecondFactors(store, audit, Clock.systemUTC());
    }

    @Provides
    @Singleton
    AppPasswords appPasswords(SecondFactorStore store, AuditTrail audit) {
        return new AppPasswords(store, audit, Clock.systemUTC());
    }
}
