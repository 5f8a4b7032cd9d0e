package org.smg.gateway.enrollment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.apache.james.core.Domain;
import org.apache.james.domainlist.lib.DomainListConfiguration;
import org.apache.james.domainlist.memory.MemoryDomainList;
import org.apache.james.user.memory.MemoryUsersRepository;
import org.smg.gateway.audit.AuditTrail;
import org.smg.gateway.audit.AuditTrails;
import org.smg.gateway.secrets.Secret;
import org.smg.gateway.storage.EncryptedDerbyDatabase;
import org.smg.gateway.testing.MutableClock;
import org.smg.policies.model.PolicyHolder;
import org.smg.policies.model.Program;
import org.smg.policies.model.ReloadOutcome;

/**
 * The enrollment rules on real collaborators: the encrypted database (booted once per test JVM,
 * since booting takes seconds; tables emptied per test), a real audit trail, James's in-memory
 * users repository, the shipped policy files in a temporary directory, a settable clock, and
 * recording fakes for the two ports that send mail.
 */
final class EnrollmentWorld {
    static final String DOMAIN = "gateway.test";
    static final Instant START = Instant.parse("2024-06-01T10:00:00Z");
    static final WebLinks WEB = new WebLinks("secure.gateway.test", 8443);
    private static final Secret SECRET = Secret.of("an-enrollment-test-secret-32-chs");
    private static EncryptedDerbyDatabase database;
    private static Path root;

    /** What a notice port was asked to send. */
    record Sent(String kind, String address, String email, String link) {
    }

    /** Records the content-free notices instead of mailing them. */
    static final class RecordingNotices implements CitizenNotices {
        final List<Sent> sent = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void invitation(Account account, String programName, String link, Instant expires) {
            sent.add(new Sent("invitation", account.address(), account.email(), link));
        }

        @Override
        public void passwordChanged(Account account) {
            sent.add(new Sent("password-changed", account.address(), account.email(), null));
        }

        @Override
        public void optedOut(Account account) {
            sent.add(new Sent("opted-out", account.address(), account.email(), null));
        }

        @Override
        public void representativeAccessGranted(Account account, Instant start, Instant end) {
            sent.add(new Sent("representative-granted", account.address(), account.email(), null));
        }

        @Override
        public void representativeAccessRevoked(Account account, Instant at) {
            sent.add(new Sent("representative-revoked", account.address(), account.email(), null));
        }

        @Override
        public void emailChangeConfirmation(Account account, String newEmail, String link, Instant expires) {
            sent.add(new Sent("email-change", account.address(), newEmail, link));
        }

        List<Sent> of(String kind) {
            synchronized (sent) {
                return sent.stream().filter(one -> one.kind().equals(kind)).toList();
            }
        }
    }

    /** Records welcome messages as "address program". */
    static final class RecordingWelcome implements WelcomeDelivery {
        final List<String> delivered = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void deliver(Account account, Program program) {
            delivered.add(account.address() + " " + program.id());
        }
    }

    final MutableClock clock = new MutableClock(START);
    final MemoryUsersRepository users;
    final RecordingNotices notices = new RecordingNotices();
    final RecordingWelcome welcome = new RecordingWelcome();
    /** "account reason" for each revocation of an account's app passwords. */
    final List<String> revokedCredentials = Collections.synchronizedList(new ArrayList<>());
    final AccountSessions sessions = new AccountSessions();
    final AccountStore accounts;
    final InvitationStore links;
    final AuditTrail audit;
    final PolicyHolder policies;
    final Enrollment enrollment;

    private EnrollmentWorld() throws Exception {
        DataSource dataSource = dataSource();
        accounts = new AccountStore(dataSource);
        accounts.createIfMissing();
        links = new InvitationStore(dataSource);
        links.createIfMissing();
        audit = AuditTrails.open(dataSource, clock);
        MemoryDomainList domains = new MemoryDomainList(null);
        domains.configure(DomainListConfiguration.builder().autoDetect(false).autoDetectIp(false).build());
        domains.addDomain(Domain.of(DOMAIN));
        users = MemoryUsersRepository.withVirtualHosting(domains);
        policies = PolicyHolder.load(policyDirectory());
        enrollment = new Enrollment(accounts, links, users, policies, audit, sessions, notices, welcome, WEB,
            (account, reason) -> revokedCredentials.add(account + " " + reason), DOMAIN, clock);
    }

    /** A fresh world: empty tables, the shipped policies, the clock at {@link #START}. */
    static EnrollmentWorld fresh() throws Exception {
        DataSource dataSource = dataSource();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : List.of("SMG_ACCOUNTS", "SMG_LINKS", "SMG_AUDIT")) {
                if (connection.getMetaData().getTables(null, null, table, null).next()) {
                    statement.executeUpdate("DELETE FROM " + table);
                }
            }
        }
        writePolicies();
        return new EnrollmentWorld();
    }

    static synchronized DataSource dataSource() throws Exception {
        if (database == null) {
            root = Files.createTempDirectory("smg-enrollment-");
            database = EncryptedDerbyDatabase.open(root.resolve("db"), SECRET);
            Runtime.getRuntime().addShutdownHook(new Thread(EnrollmentWorld::closeDatabase));
        }
        return database.dataSource();
    }

    private static void closeDatabase() {
        database.close();
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }

    private static Path policyDirectory() {
        return root.resolve("policies");
    }

    /** Copies the shipped conf/policies over the test's policy directory. */
    private static void writePolicies() throws IOException {
        Path shipped = Path.of("..", "conf", "policies").toAbsolutePath().normalize();
        try (Stream<Path> files = Files.walk(shipped)) {
            for (Path file : files.toList()) {
                Path copy = policyDirectory().resolve(shipped.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** Publishes a new terms version of ECO (the first program of programs.yaml) and reloads the policies. */
    void publishEcoTermsVersion(String version) {
        try {
            Path programs = policyDirectory().resolve("programs.yaml");
            String text = Files.readString(programs);
            Files.writeString(programs, text.replaceFirst("version: \"1\"", "version: \"" + version + "\""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ReloadOutcome outcome = policies.reload();
        if (!(outcome instanceof ReloadOutcome.Applied)) {
            throw new IllegalStateException("the policy reload was refused: " + outcome);
        }
    }

    IssuedLink invite(String email, String name) throws Exception {
        return enrollment.invite(new InvitationRequest("ECO", email, name, Optional.empty(), Optional.empty()), "admin:alice");
    }

    IssuedLink inviteBusiness(String email, String name, String ein, String entityName) throws Exception {
        return enrollment.invite(new InvitationRequest("LB&I", email, name, Optional.of(ein), Optional.of(entityName)), "admin:alice");
    }

    /** Invites and registers: an active account whose terms are not accepted yet. */
    Account registered(String email, String name, String password) throws Exception {
        return enrollment.register(token(invite(email, name)), password, null, null, "192.0.2.10");
    }

    /** Registers and accepts the terms: an account that may log in. */
    Account active(String email, String name, String password) throws Exception {
        Account account = registered(email, name, password);
        return enrollment.acceptTerms(account.address(), TermsAcceptance.required(account, enrollment.programs()), "192.0.2.10");
    }

    static String token(IssuedLink issued) {
        String link = issued.link();
        return link.substring(link.lastIndexOf('/') + 1);
    }

    /** The exported audit trail, one JSON line per entry. */
    List<String> auditLines() throws Exception {
        return AuditTrails.exportAll(audit);
    }

    /** The audit lines of one action. */
    List<String> auditLines(String action) throws Exception {
        return auditLines().stream().filter(line -> line.contains("\"action\":\"" + action + "\"")).toList();
    }

    static int count(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             java.sql.ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
