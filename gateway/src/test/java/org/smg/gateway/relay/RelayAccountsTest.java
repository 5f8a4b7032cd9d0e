package org.smg.gateway.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smg.gateway.audit.AuditTrail;
import org.smg.gateway.audit.AuditTrails;
import org.smg.gateway.enrollment.EnrollmentException;
import org.smg.gateway.secrets.Secret;
import org.smg.gateway.storage.EncryptedDerbyDatabase;

/** Relay accounts on a real encrypted database: create, list, password change, delete, verify, each audited. */
class RelayAccountsTest {
    private static final String PASSWORD = "relay-password-of-a-staff-mta-0123";
    private static final String OTHER_PASSWORD = "another-long-relay-password-4567";
    private static final String ADMIN = "admin:ops";

    private static EncryptedDerbyDatabase database;
    private AuditTrail audit;
    private RelayAccounts accounts;

    @BeforeAll
    static void openDatabase() throws Exception {
        Path root = Files.createTempDirectory("smg-relay-");
        database = EncryptedDerbyDatabase.open(root.resolve("db"), Secret.of("a-relay-accounts-test-secret-32c"));
    }

    @AfterAll
    static void closeDatabase() {
        database.close();
    }

    @BeforeEach
    void setUp() throws Exception {
        DataSource dataSource = database.dataSource();
        RelayAccountStore store = new RelayAccountStore(dataSource);
        store.createIfMissing();
        audit = AuditTrails.open(dataSource, Clock.systemUTC());
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM " + RelayAccountStore.TABLE);
        }
        accounts = new RelayAccounts(store, audit);
    }

    @Test
    void createShouldListTheAccountWithItsCreatorAndVerifyOnlyItsPassword() throws Exception {
        accounts.create("staff-mta-1", PASSWORD, ADMIN);

        assertThat(accounts.list()).singleElement().satisfies(account -> {
            assertThat(account.name()).isEqualTo("staff-mta-1");
            assertThat(account.createdBy()).isEqualTo(ADMIN);
        });
        assertThat(accounts.verify("staff-mta-1", PASSWORD)).isTrue();
        assertThat(accounts.verify("staff-mta-1", OTHER_PASSWORD)).isFalse();
        assertThat(accounts.verify("staff-mta-2", PASSWORD)).isFalse();
    }

    @Test
    void createShouldRefuseASecondAccountOfTheSameNameAndKeepTheFirstPassword() throws Exception {
        accounts.create("staff-mta-1", PASSWORD, ADMIN);

        assertThatThrownBy(() -> accounts.create("staff-mta-1", OTHER_PASSWORD, ADMIN))
            .isInstanceOf(EnrollmentException.class)
            .satisfies(e -> assertThat(((EnrollmentException) e).kind()).isEqualTo(EnrollmentException.Kind.CONFLICT));
        assertThat(accounts.verify("staff-mta-1", PASSWORD)).isTrue();
        assertThat(accounts.verify("staff-mta-1", OTHER_PASSWORD)).isFalse();
    }

    @Test
    void createShouldRefuseNamesLikeAddressesAndShortPasswords() {
        assertThatThrownBy(() -> accounts.create("demo@gateway.test", PASSWORD, ADMIN)).hasMessageContaining("'name' must be");
        assertThatThrownBy(() -> accounts.create("Staff-MTA", PASSWORD, ADMIN)).hasMessageContaining("'name' must be");
        assertThatThrownBy(() -> accounts.create("-mta", PASSWORD, ADMIN)).hasMessageContaining("'name' must be");
        assertThatThrownBy(() -> accounts.create("staff-mta-1", "short-password", ADMIN)).hasMessageContaining("'password' must be 16 to 256");
        assertThatThrownBy(() -> accounts.create("staff-mta-1", "p".repeat(257), ADMIN)).hasMessageContaining("'password' must be 16 to 256");
    }

    @Test
    void changePasswordShouldReplaceTheOldPasswordWhenTheAccountExists() throws Exception {
        accounts.create("staff-mta-1", PASSWORD, ADMIN);

        accounts.changePassword("staff-mta-1", OTHER_PASSWORD, ADMIN);

        assertThat(accounts.verify("staff-mta-1", OTHER_PASSWORD)).isTrue();
        assertThat(accounts.verify("staff-mta-1", PASSWORD)).isFalse();
        assertThatThrownBy(() -> accounts.changePassword("nobody", OTHER_PASSWORD, ADMIN))
            .satisfies(e -> assertThat(((EnrollmentException) e).kind()).isEqualTo(EnrollmentException.Kind.NOT_FOUND));
    }

    @Test
    void deleteShouldEndTheAccountSoItsPasswordNoLongerVerifies() throws Exception {
        accounts.create("staff-mta-1", PASSWORD, ADMIN);

        accounts.delete("staff-mta-1", ADMIN);

        assertThat(accounts.list()).isEmpty();
        assertThat(accounts.verify("staff-mta-1", PASSWORD)).isFalse();
        assertThatThrownBy(() -> accounts.delete("staff-mta-1", ADMIN))
            .satisfies(e -> assertThat(((EnrollmentException) e).kind()).isEqualTo(EnrollmentException.Kind.NOT_FOUND));
    }

    @Test
    void verifyShouldRefuseMalformedOrMissingCredentialsWithoutThrowing() throws Exception {
        accounts.create("staff-mta-1", PASSWORD, ADMIN);

        assertThat(accounts.verify(null, PASSWORD)).isFalse();
        assertThat(accounts.verify("staff-mta-1", null)).isFalse();
        assertThat(accounts.verify("STAFF-MTA-1", PASSWORD)).isFalse();
        assertThat(accounts.verify("staff-mta-1' OR '1'='1", PASSWORD)).isFalse();
        assertThat(accounts.verify("staff-mta-1", PASSWORD + "x".repeat(300))).isFalse();
    }

    @Test
    void everyChangeShouldBeAuditedWithoutThePassword() throws Exception {
        accounts.create("staff-mta-1", PASSWORD, ADMIN);
        accounts.changePassword("staff-mta-1", OTHER_PASSWORD, ADMIN);
        accounts.delete("staff-mta-1", ADMIN);

        String trail = String.join("\n", AuditTrails.exportAll(audit));

        assertThat(trail).contains("relay-account:staff-mta-1", "\"outcome\":\"created\"", "\"outcome\":\"password-changed\"",
            "\"outcome\":\"deleted\"").doesNotContain(PASSWORD, OTHER_PASSWORD, "pbkdf2");
    }
}
