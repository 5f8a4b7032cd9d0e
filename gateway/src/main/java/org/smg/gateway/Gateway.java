package org.smg.gateway;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.apache.james.GuiceJamesServer;
import org.apache.james.server.core.configuration.Configuration;
import org.apache.james.server.core.configuration.ConfigurationProvider;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.utils.GuiceProbe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smg.gateway.admin.AdminsModule;
import org.smg.gateway.audit.AuditModule;
import org.smg.gateway.auth.LoginGate;
import org.smg.gateway.consent.ConsentModule;
import org.smg.gateway.delivery.OutboundConfigurationException;
import org.smg.gateway.dkim.DkimKey;
import org.smg.gateway.dkim.DkimModule;
import org.smg.gateway.dkim.DkimSigning;
import org.smg.gateway.delivery.OutboundModule;
import org.smg.gateway.delivery.OutboundRoute;
import org.smg.gateway.delivery.SmartHostTransport;
import org.smg.gateway.enrollment.EnrollmentModule;
import org.smg.gateway.notify.NotificationModule;
import org.smg.gateway.auth.LoginThrottle;
import org.smg.gateway.auth.ThrottledUsersRepository;
import org.smg.gateway.imap.GatewayImapPackageModule;
import org.smg.gateway.imap.GuardedImapModule;
import org.smg.gateway.maintenance.MaintenanceModule;
import org.smg.gateway.imap.ImapGuardLimits;
import org.smg.gateway.james.GatewayConfigurationProvider;
import org.smg.gateway.attachments.InspectionModule;
import org.smg.gateway.provisioning.DemoAccount;
import org.smg.gateway.quarantine.QuarantineModule;
import org.smg.gateway.records.RecordsModule;
import org.smg.gateway.relay.RelayModule;
import org.smg.gateway.routing.RoutingModule;
import org.smg.gateway.audit.AuditHeadLogger;
import org.smg.gateway.provisioning.GatewayProbe;
import org.smg.gateway.scanner.ClamdStartException;
import org.smg.gateway.scanner.ScannerModule;
import org.smg.gateway.scanner.Scanning;
import org.smg.gateway.secondfactor.SecondFactorModule;
import org.smg.gateway.smtp.GuardedSmtpModule;
import org.smg.gateway.smtp.SmtpPolicyModule;
import org.smg.gateway.secrets.PrivateDirectories;
import org.smg.gateway.secrets.Secret;
import org.smg.gateway.secrets.SecretFiles;
import org.smg.gateway.secrets.SecretLocations;
import org.smg.gateway.secrets.StorageSecretResolver;
import org.smg.gateway.secrets.UnprotectedSecretFileException;
import org.smg.gateway.storage.EncryptedDerbyDatabase;
import org.smg.gateway.storage.JpaStorageModule;
import org.smg.gateway.storage.PrivateTemporaryDirectory;
import org.smg.gateway.storage.StorageException;
import org.smg.gateway.tls.ServerIdentity;
import org.smg.gateway.tls.TlsIdentityException;
import org.smg.gateway.tls.TlsRenegotiation;
import org.smg.gateway.web.WebModule;
import org.smg.gateway.webadmin.WebAdminModule;
import org.smg.policies.settings.GatewaySettings;
import org.smg.policies.settings.Limits;

import com.google.inject.multibindings.Multibinder;

/** A running gateway: James assembled on the encrypted database, with the gateway's own modules. */
public final class Gateway {
    private static final Logger LOGGER = LoggerFactory.getLogger(Gateway.class);

    private final GuiceJamesServer server;
    private final EncryptedDerbyDatabase database;
    private final AuditHeadLogger auditHead;
    private final Scanning scanning;
    private final List<String> endpoints;

    private Gateway(GuiceJamesServer server, EncryptedDerbyDatabase database, AuditHeadLogger auditHead, Scanning scanning,
                    List<String> endpoints) {
        this.server = server;
        this.database = database;
        this.auditHead = auditHead;
        this.scanning = scanning;
        this.endpoints = endpoints;
    }

    public static Gateway start(GatewaySettings settings, Path configurationDirectory, boolean demo) throws StartupException {
        long started = System.nanoTime();
        Path dataDirectory = settings.dataDirectory();
        SecretLocations secrets = SecretLocations.of(settings);
        checkBeforeOpening(settings, secrets, demo);
        EncryptedDerbyDatabase database = openDatabase(settings, dataDirectory);
        Scanning scanning = null;
        try {
            PrivateTemporaryDirectory.prepare(dataDirectory, System.getProperty("java.io.tmpdir"));
            PrivateDirectories.create(dataDirectory.resolve("james"));
            ServerIdentity identity = ServerIdentity.resolve(settings);
            Secret adminToken = SecretFiles.readOrCreate(secrets.webAdminToken());
            DkimSigning dkim = new DkimSigning(DkimKey.readOrCreate(secrets.dkimPrivateKey()), settings.dkimSelector(), settings.domains());
            OutboundRoute outbound = new OutboundRoute(SmartHostTransport.create(settings.outbound(), settings.hostname()));
            // Before James, so that no mail is accepted before its scanner runs.
            scanning = Scanning.start(settings.scanner(), dataDirectory);
            GuiceJamesServer server = assemble(settings, configurationDirectory, dataDirectory, database, identity, adminToken)
                .combineWith(new OutboundModule(outbound), new ScannerModule(scanning.scanner()), new DkimModule(dkim));
            server.start();
            List<String> lines = new ArrayList<>();
            if (demo) {
                GatewayProbe probe = server.getProbe(GatewayProbe.class);
                DemoAccount account = DemoAccount.ensure(probe.users(), probe.enrollment(), settings.defaultDomain(), secrets.demoPassword());
                lines.add(account.loginLine());
                lines.add(account.invitationLine(probe.enrollment()));
            }
            lines.addAll(Endpoints.describe(settings, secrets.webAdminToken(), scanning.describe()));
            lines.addAll(dkim.describe());
            lines.add(String.format("gateway ready in %.1f s", (System.nanoTime() - started) / 1e9));
            return new Gateway(server, database, server.getProbe(GatewayProbe.class).auditHead(), scanning, lines);
        } catch (ClamdStartException e) {
            database.close();
            throw new StartupException("scanner.clamd: " + e.getMessage(), e, true);
        } catch (UnprotectedSecretFileException e) {
            closeQuietly(scanning);
            database.close();
            throw new StartupException(e.getMessage(), e, true);
        } catch (OutboundConfigurationException e) {
            closeQuietly(scanning);
            database.close();
            throw new StartupException(e.getMessage(), e, true);
        } catch (TlsIdentityException e) {
            closeQuietly(scanning);
            database.close();
            throw new StartupException("TLS identity: " + e.getMessage(), e, true);
        } catch (Exception e) {
            closeQuietly(scanning);
            database.close();
            throw new StartupException(rootMessage(e), e, false);
        }
    }

    /**
     * Refusals that need nothing opened: a demo account on a reachable listener, a secret file
     * others can read, a JVM that would let TLS clients renegotiate.
     */
    private static void checkBeforeOpening(GatewaySettings settings, SecretLocations secrets, boolean demo) throws StartupException {
        try {
            if (demo) {
                DemoAccount.requireLoopback(settings.bindAddress());
            }
            secrets.requireOwnerOnly();
        } catch (IllegalArgumentException | UnprotectedSecretFileException e) {
            throw new StartupException(e.getMessage(), e, true);
        } catch (IOException e) {
            throw new StartupException("cannot check the secret files: " + e.getMessage(), e, false);
        }
        try {
            TlsRenegotiation.verify();
        } catch (GeneralSecurityException | IOException | IllegalStateException e) {
            throw new StartupException("TLS renegotiation check: " + e.getMessage(), e, false);
        }
    }

    private static EncryptedDerbyDatabase openDatabase(GatewaySettings settings, Path dataDirectory) throws StartupException {
        try {
            PrivateDirectories.create(dataDirectory);
            Secret secret = new StorageSecretResolver(System.getenv()).resolve(settings.storageSecret());
            return EncryptedDerbyDatabase.open(dataDirectory.resolve("db"), secret);
        } catch (UnprotectedSecretFileException e) {
            throw new StartupException(e.getMessage(), e, true);
        } catch (StorageException | IllegalStateException | IOException | java.io.UncheckedIOException e) {
            throw new StartupException(e.getMessage(), e, false);
        }
    }

    private static GuiceJamesServer assemble(GatewaySettings settings, Path configurationDirectory, Path dataDirectory,
                                             EncryptedDerbyDatabase database, ServerIdentity identity, Secret adminToken) {
        Configuration jamesConfiguration = Configuration.builder()
            .workingDirectory(dataDirectory.resolve("james").toFile())
            .configurationPath(new Configuration.ConfigurationPath("file://" + configurationDirectory + "/"))
            .build();
        Limits limits = settings.limits();
        LoginThrottle throttle = new LoginThrottle(limits.authFailuresBeforeDelay(), limits.authMaxDelay(), Clock.systemUTC());
        ConfigurationProvider configuration = new GatewayConfigurationProvider(configurationDirectory, settings, identity);
        return GuiceJamesServer.forConfiguration(jamesConfiguration)
            .combineWith(
                new JpaStorageModule(database),
                JamesModules.storage(),
                JamesModules.mailProcessing(),
                JamesModules.protocols(),
                JamesModules.webAdmin(),
                new SmtpPolicyModule(settings),
                new AuditModule(),
                new AdminsModule(),
                new EnrollmentModule(settings, configurationDirectory.resolve("policies")),
                new RoutingModule(settings, SecretLocations.of(settings).replyAddressKey()),
                new RelayModule(),
                new ConsentModule(),
                new InspectionModule(dataDirectory.resolve("tmp"), settings.scanner().retryDelay()),
                new QuarantineModule(),
                new RecordsModule(),
                new MaintenanceModule(),
                new NotificationModule(settings.defaultDomain()),
                new WebModule(settings, identity),
                new SecondFactorModule(),
                binder -> {
                    binder.bind(LoginThrottle.class).toInstance(throttle);
                    binder.bind(LoginGate.class).toInstance(LoginGate.create(limits.authMaxDelay(), Clock.systemUTC()));
                    binder.bind(UsersRepository.class).to(ThrottledUsersRepository.class);
                    Multibinder.newSetBinder(binder, GuiceProbe.class).addBinding().to(GatewayProbe.class);
                })
            .overrideWith(
                binder -> binder.bind(ConfigurationProvider.class).toInstance(configuration),
                new GuardedImapModule(new ImapGuardLimits(limits.imapPreAuthLiteralSizeLimit(),
                    limits.imapLiteralSizeLimit(), limits.imapMaxLiteralsPerCommand())),
                new GatewayImapPackageModule(),
                new GuardedSmtpModule(),
                new WebAdminModule(settings.webAdminPort(), adminToken));
    }

    private static void closeQuietly(Scanning scanning) {
        if (scanning != null) {
            scanning.close();
        }
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == error ? String.valueOf(error.getMessage()) : error.getMessage() + " (cause: " + root.getMessage() + ")";
    }

    public List<String> endpoints() {
        return endpoints;
    }

    public void stop() {
        LOGGER.info("Stopping the gateway");
        server.stop();
        // After James stopped, so that entries the mail pipeline appended while stopping are under the logged head.
        auditHead.stop();
        // After James, so that no mail in flight loses its scanner.
        scanning.close();
        database.close();
    }
}
