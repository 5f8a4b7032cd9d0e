package org.smg.gateway.audit;

import java.sql.SQLException;
import java.time.Clock;

import javax.inject.Singleton;
import javax.sql.DataSource;

import org.apache.james.utils.InitializationOperation;
import org.apache.james.utils.InitilizationOperationBuilder;
import org.apache.james.webadmin.Routes;
import org.smg.mailets.audit.AuditSink;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Scopes;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.ProvidesIntoSet;

/**
 * The audit trail in the encrypted database: the {@link AuditSink} the {@code AuditLog} mailet
 * writes to, the head line in the log, and the {@code /audit} WebAdmin routes.
 */
public final class AuditModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(AuditSink.class).to(AuditTrail.class);
        bind(AuditHeadLogger.class).in(Scopes.SINGLETON);
        Multibinder.newSetBinder(binder(), Routes.class).addBinding().to(AuditRoutes.class);
    }

    @Provides
    @Singleton
    AuditTable table(DataSource dataSource) throws SQLException {
        AuditTable table = new AuditTable(dataSource);
        table.createIfMissing();
        return table;
    }

    @Provides
    @Singleton
    AuditTrail trail(AuditTable table) throws SQLException {
        return AuditTrail.open(table, Clock.systemUTC());
    }

    @Provides
    AuditVerifier verifier(AuditTable table) {
        return new AuditVerifier(table);
    }

    @Provides
    AuditExport export(AuditTable table) {
        return new AuditExport(table);
    }

    @ProvidesIntoSet
    InitializationOperation logHeadAtStart(AuditHeadLogger headLogger) {
        return InitilizationOperationBuilder.forClass(AuditHeadLogger.class).init(headLogger::start);
    }
}
