package org.smg.gateway.mpt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import org.apache.commons.configuration2.BaseHierarchicalConfiguration;
import org.apache.commons.configuration2.ex.ConfigurationException;
import org.apache.james.imap.api.process.ImapProcessor;
import org.apache.james.imap.decode.ImapDecoder;
import org.apache.james.imap.encode.ImapEncoder;
import org.apache.james.mailbox.MailboxManager;
import org.apache.james.mailbox.quota.MaxQuotaManager;
import org.apache.james.filesystem.api.FileSystem;
import org.apache.james.mailbox.acl.MailboxACLResolver;
import org.apache.james.mailbox.acl.UnionMailboxACLResolver;
import org.apache.james.modules.ClockModule;
import org.apache.james.modules.RunArgumentsModule;
import org.apache.james.modules.mailbox.PreDeletionHookModule;
import org.apache.james.modules.server.DropWizardMetricsModule;
import org.apache.james.server.core.configuration.ConfigurationProvider;
import org.apache.james.server.core.configuration.FileConfigurationProvider;
import org.apache.james.server.core.filesystem.FileSystemImpl;
import org.apache.james.utils.ExtensionModule;
import org.apache.james.utils.PropertiesProvider;
import org.apache.james.modules.mailbox.DefaultEventModule;
import org.apache.james.modules.mailbox.ListenersConfiguration;
import org.apache.james.modules.mailbox.MemoryDeadLetterModule;
import org.apache.james.modules.mailbox.MailboxListenersLoaderImpl;
import org.apache.james.modules.protocols.IMAPServerModule;
import org.apache.james.server.core.configuration.Configuration;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.memory.MemoryUsersRepository;
import org.smg.gateway.audit.AuditModule;
import org.smg.gateway.audit.AuditTrail;
import org.smg.gateway.enrollment.Account;
import org.smg.gateway.enrollment.AccountSessions;
import org.smg.gateway.enrollment.AccountStore;
import org.smg.gateway.enrollment.CitizenNotices;
import org.smg.gateway.enrollment.DerivedCredentials;
import org.smg.gateway.enrollment.Enrollment;
import org.smg.gateway.enrollment.InvitationStore;
import org.smg.gateway.enrollment.WebLinks;
import org.smg.gateway.imap.GatewayImapPackageModule;
import org.smg.policies.model.PolicyHolder;
import org.smg.policies.settings.SettingsException;
import org.smg.gateway.storage.EncryptedDerbyDatabase;
import org.smg.gateway.storage.JpaMailboxModule;
import org.smg.gateway.storage.JpaStorageModule;
import org.smg.gateway.secrets.Secret;
import org.smg.gateway.storage.StorageException;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.util.Modules;

/**
 * The gateway's mailbox and IMAP command set, without listeners: James's JPA mailbox as
 * {@link JpaMailboxModule} wires it, on an AES-256 encrypted Derby database in a temporary
 * directory, and the IMAP processors of {@link GatewayImapPackageModule}. Built once per test JVM
 * (booting Derby and OpenJPA takes seconds); {@link #clear()} empties it between scripts.
 *
 * <p>Users live in memory, as in James's own MPT hosts: the gateway's users repository (PBKDF2,
 * virtual hosting, login throttle) is proven by its own tests, and would make every script's login
 * slow.
 *
 * <p>Logins pass the gateway's account gate as in production: each script's user gets an active
 * ECO account with the current terms accepted ({@link #enrol}), from the shipped policy files.
 */
final class GatewayMailboxStack {
    /** Tables of the mailbox and quota entities, children first (as James's JPA MPT host clears them). */
    private static final List<String> TABLES = List.of(
        "SMG_MAIL_BODY", "JAMES_MAIL_USERFLAG", "JAMES_MAIL_PROPERTY", "JAMES_MAILBOX_ANNOTATION", "JAMES_MAIL", "JAMES_MAILBOX",
        "JAMES_SUBSCRIPTION", "JAMES_MAX_GLOBAL_MESSAGE_COUNT", "JAMES_MAX_GLOBAL_STORAGE", "JAMES_MAX_USER_MESSAGE_COUNT",
        "JAMES_MAX_USER_STORAGE", "JAMES_MAX_DOMAIN_MESSAGE_COUNT", "JAMES_MAX_DOMAIN_STORAGE", "JAMES_QUOTA_CURRENTQUOTA",
        "SMG_ACCOUNTS");
    private static final String TABLE_NOT_CREATED_YET = "42X05";

    private static GatewayMailboxStack shared;
    private static Throwable failure;

    private final EncryptedDerbyDatabase database;
    private final MemoryUsersRepository users;
    private final Injector injector;
    private final ImapProcessor processor;

    private GatewayMailboxStack(EncryptedDerbyDatabase database, MemoryUsersRepository users, Injector injector) {
        this.database = database;
        this.users = users;
        this.injector = injector;
        this.processor = injector.getInstance(ImapProcessor.class);
    }

    static synchronized GatewayMailboxStack shared() throws Exception {
        if (shared == null && failure == null) {
            try {
                shared = start();
            } catch (Exception | LinkageError e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw new IllegalStateException("the mailbox stack could not start", failure);
        }
        return shared;
    }

    private static GatewayMailboxStack start() throws IOException, StorageException, ConfigurationException {
        Path directory = Files.createTempDirectory("smg-mpt");
        EncryptedDerbyDatabase database = EncryptedDerbyDatabase.open(directory.resolve("db"), Secret.of("mpt-test-boot-secret-0123456789"));
        MemoryUsersRepository users = MemoryUsersRepository.withoutVirtualHosting(null);
        BaseHierarchicalConfiguration usersConfiguration = new BaseHierarchicalConfiguration();
        usersConfiguration.addProperty("administratorId", "imapuser");
        users.configure(usersConfiguration);

        Configuration configuration = Configuration.builder()
            .workingDirectory(directory.resolve("james").toFile())
            .configurationPath(new Configuration.ConfigurationPath("file://" + directory.resolve("conf") + "/"))
            .build();
        FileSystemImpl fileSystem = new FileSystemImpl(configuration.directories());
        Injector injector = Guice.createInjector(Modules.override(
                serverBasics(configuration, fileSystem),
                new JpaStorageModule(database),
                new JpaMailboxModule(),
                mailboxBasics(),
                new DefaultEventModule(),
                new MemoryDeadLetterModule(),
                new IMAPServerModule(),
                new AuditModule(),
                new EnrollmentBasics())
            .with(
                new GatewayImapPackageModule(),
                binder -> binder.bind(UsersRepository.class).toProvider(() -> users)));
        // What the gateway's start-up does for the mailbox: register quota and annotation listeners on the event bus.
        injector.getInstance(MailboxListenersLoaderImpl.class).configure(injector.getInstance(ListenersConfiguration.class));
        Runtime.getRuntime().addShutdownHook(new Thread(database::close));
        return new GatewayMailboxStack(database, users, injector);
    }

    /** The part of James's common services the mailbox and IMAP modules need (not its mail, DNS or health checks). */
    private static Module serverBasics(Configuration configuration, FileSystemImpl fileSystem) {
        return Modules.combine(
            new ExtensionModule(),
            new DropWizardMetricsModule(),
            new ClockModule(),
            RunArgumentsModule.EMPTY,
            binder -> {
                binder.bind(FileSystem.class).toInstance(fileSystem);
                binder.bind(ConfigurationProvider.class).toInstance(new FileConfigurationProvider(fileSystem, configuration));
                binder.bind(PropertiesProvider.class).toInstance(new PropertiesProvider(fileSystem, configuration.configurationPath()));
            });
    }

    /** James's MailboxModule without its mail-reception health check, which needs the whole mailet container. */
    private static Module mailboxBasics() {
        return Modules.combine(
            new PreDeletionHookModule(),
            binder -> binder.bind(MailboxACLResolver.class).to(UnionMailboxACLResolver.class));
    }

    /** The enrollment rules on the stack's database, with the shipped programs, mailing nothing. */
    private static final class EnrollmentBasics extends com.google.inject.AbstractModule {
        @Provides
        @Singleton
        Enrollment enrollment(DataSource dataSource, AccountStore accounts, PolicyHolder policies, UsersRepository users, AuditTrail audit,
                              AccountSessions sessions) throws SQLException {
            InvitationStore invitations = new InvitationStore(dataSource);
            invitations.createIfMissing();
            return new Enrollment(accounts, invitations, users, policies, audit, sessions, new MailingNothing(),
                (account, program) -> { }, new WebLinks("gateway.localhost", 8443), DerivedCredentials.NONE, "gateway.localhost",
                Clock.systemUTC());
        }

        /** The accounts, also read by the mailbox quota (PolicyMaxQuotaManager). */
        @Provides
        @Singleton
        AccountStore accounts(DataSource dataSource) throws SQLException {
            AccountStore accounts = new AccountStore(dataSource);
            accounts.createIfMissing();
            return accounts;
        }

        /** The shipped policies, also read by the mailbox quota (PolicyMaxQuotaManager). */
        @Provides
        @Singleton
        PolicyHolder policies() throws SettingsException {
            return PolicyHolder.load(shippedPolicies());
        }

        /** The mailbox's Authorizator (delegated login) asks the consents; the scripts use none. */
        @Provides
        @Singleton
        org.smg.gateway.consent.Consents consents(DataSource dataSource, AccountStore accounts, PolicyHolder policies, AuditTrail audit,
                                                  AccountSessions sessions) throws SQLException {
            org.smg.gateway.consent.ConsentStore store = new org.smg.gateway.consent.ConsentStore(dataSource);
            store.createIfMissing();
            return new org.smg.gateway.consent.Consents(store, accounts, policies, audit, new MailingNothing(), sessions,
                Clock.systemUTC());
        }

        @Provides
        @Singleton
        AccountSessions sessions() {
            return new AccountSessions();
        }

        /** The login processors ask whether a maintenance window is in force (the shipped policies have none). */
        @Provides
        @Singleton
        org.smg.gateway.maintenance.Maintenance maintenance(PolicyHolder policies) {
            return new org.smg.gateway.maintenance.Maintenance(policies, Clock.systemUTC());
        }

        private static Path shippedPolicies() {
            Path candidate = Path.of("..", "conf", "policies").toAbsolutePath().normalize();
            return Files.isDirectory(candidate) ? candidate : Path.of("conf", "policies").toAbsolutePath();
        }
    }

    private static final class MailingNothing implements CitizenNotices {
        @Override
        public void invitation(Account account, String programName, String link, Instant expires) {
        }

        @Override
        public void passwordChanged(Account account) {
        }

        @Override
        public void optedOut(Account account) {
        }

        @Override
        public void representativeAccessGranted(Account account, Instant start, Instant end) {
        }

        @Override
        public void representativeAccessRevoked(Account account, Instant at) {
        }

        @Override
        public void emailChangeConfirmation(Account account, String newEmail, String link, Instant expires) {
        }
    }

    /** Makes {@code user} an active ECO account with the current terms accepted, as an administrator's invitation and the citizen's registration would. */
    void enrol(org.apache.james.core.Username user) throws Exception {
        injector.getInstance(Enrollment.class).ensureActive(user.asString(), "MPT user " + user.getLocalPart(),
            user.getLocalPart() + ".mpt@example.net", "ECO");
    }

    ImapDecoder decoder() {
        return injector.getInstance(ImapDecoder.class);
    }

    ImapEncoder encoder() {
        return injector.getInstance(ImapEncoder.class);
    }

    ImapProcessor processor() {
        return processor;
    }

    MailboxManager mailboxManager() {
        return injector.getInstance(MailboxManager.class);
    }

    MaxQuotaManager maxQuotaManager() {
        return injector.getInstance(MaxQuotaManager.class);
    }

    UsersRepository users() {
        return users;
    }

    /** Removes every user, mailbox, message, subscription and quota, so the next script starts from nothing. */
    void clear() throws Exception {
        users.clear();
        try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                try {
                    statement.executeUpdate("DELETE FROM " + table);
                } catch (SQLException e) {
                    if (!TABLE_NOT_CREATED_YET.equals(e.getSQLState())) {
                        throw e;
                    }
                }
            }
        }
    }
}
