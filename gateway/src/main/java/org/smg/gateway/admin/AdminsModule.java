package org.smg.gateway.admin;

import java.sql.SQLException;
import java.time.Clock;

import javax.inject.Singleton;
import javax.sql.DataSource;

import org.apache.james.webadmin.Routes;
import org.smg.gateway.audit.AuditTrail;
import org.smg.gateway.webadmin.NamedAdminTokens;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.multibindings.Multibinder;

/** Named administrators: their table in the encrypted database, the tokens the WebAdmin gate accepts, {@code /admins}. */
public final class AdminsModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(NamedAdminTokens.class).to(NamedAdmins.class);
        Multibinder.newSetBinder(binder(), Routes.class).addBinding().to(AdminRoutes.class);
    }

    @Provides
    @Singleton
    NamedAdmins namedAdmins(DataSource dataSource, AuditTrail audit) throws SQLException {
        AdminTokenTable table = new AdminTokenTable(dataSource);
        table.createIfMissing();
        return new NamedAdmins(table, audit, Clock.systemUTC());
    }
}
