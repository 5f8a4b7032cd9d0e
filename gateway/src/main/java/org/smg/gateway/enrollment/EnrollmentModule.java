package org.smg.gateway.enrollment;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;

import javax.inject.Singleton;
import javax.sql.DataSource;

import org.apache.james.user.api.UsersRepository;
import org.apache.mailet.MailetContext;
import org.apache.james.webadmin.Routes;
import org.smg.gateway.admin.AccountRoutes;
import org.smg.gateway.admin.InvitationRoutes;
import org.smg.gateway.admin.PolicyRoutes;
import org.smg.gateway.audit.AuditTrail;
import org.smg.gateway.delivery.OutboundRoute;
import org.smg.policies.model.PolicyHolder;
import org.smg.policies.model.PolicyLoader;
import org.smg.policies.settings.GatewaySettings;
import org.smg.policies.settings.SettingsException;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.multibindings.Multibinder;

/** Accounts, invitations and the rules between them, on the encrypted database and the policy files. */
public final class EnrollmentModule extends AbstractModule {
    private final GatewaySettings settings;
    private final Path policyDirectory;

    public EnrollmentModule(GatewaySettings settings, Path policyDirectory) {
        this.settings = settings;
        this.policyDirectory = policyDirectory;
    }

    @Override
    protected void configure() {
        bind(AccountSessions.class).toInstance(new AccountSessions());
        bind(WebLinks.class).toInstance(WebLinks.of(settings));
        Multibinder<Routes> routes = Multibinder.newSetBinder(binder(), Routes.class);
        routes.addBinding().to(InvitationRoutes.class);
        routes.addBinding().to(AccountRoutes.class);
        routes.addBinding().to(PolicyRoutes.class);
    }

    @Provides
    @Singleton
    PolicyHolder policies() throws SettingsException {
        // With the gateway's domains, so that a staff route inside them (a loop) stops start-up and reload.
        return PolicyHolder.load(policyDirectory, PolicyLoader.forGateway(settings.domains()));
    }

    @Provides
    @Singleton
    AccountStore accounts(DataSource dataSource) throws SQLException {
        AccountStore store = new AccountStore(dataSource);
        store.createIfMissing();
        return store;
    }

    @Provides
    @Singleton
    InvitationStore invitations(DataSource dataSource) throws SQLException {
        InvitationStore store = new InvitationStore(dataSource);
        store.createIfMissing();
        return store;
    }

    @Provides
    @Singleton
    MailedNotices notices(MailetContext context, WebLinks links, OutboundRoute outbound, PolicyHolder policies) {
        return new MailedNotices(context, settings.defaultDomain(), links, outbound.configured(), policies);
    }

    @Provides
    @Singleton
    Enrollment enrollment(AccountStore accounts, InvitationStore invitations, UsersRepository users, PolicyHolder policies,
                          AuditTrail audit, AccountSessions sessions, MailedNotices notices, WebLinks links,
                          DerivedCredentials derived) {
        return new Enrollment(accounts, invitations, users, policies, audit, sessions, notices, notices, links, derived,
            settings.defaultDomain(), Clock.systemUTC());
    }
}
