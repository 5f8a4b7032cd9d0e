package org.smg.gateway.quarantine;

import java.sql.SQLException;
import java.time.Clock;

import javax.inject.Singleton;
import javax.sql.DataSource;

import org.apache.james.webadmin.Routes;
import org.apache.mailet.MailetContext;
import org.smg.gateway.audit.AuditTrail;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.multibindings.Multibinder;

/**
 * The quarantine: its table in the encrypted database, the release and delete decisions, and
 * {@code /quarantine} over WebAdmin. Needs a {@link QuarantineRecheck} bound elsewhere (the
 * message inspector): without one the gateway does not start, rather than release unchecked mail.
 */
public final class QuarantineModule extends AbstractModule {
    @Override
    protected void configure() {
        Multibinder.newSetBinder(binder(), Routes.class).addBinding().to(QuarantineRoutes.class);
    }

    @Provides
    @Singleton
    QuarantineStore store(DataSource dataSource, AuditTrail audit) throws SQLException {
        QuarantineStore store = new QuarantineStore(dataSource, audit, Clock.systemUTC());
        store.createIfMissing();
        return store;
    }

    @Provides
    @Singleton
    QuarantineDecisions decisions(QuarantineStore store, QuarantineRecheck recheck, MailetContext pipeline, AuditTrail audit) {
        return new QuarantineDecisions(store, recheck, pipeline, audit);
    }
}
