package org.smg.gateway.secondfactor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smg.gateway.audit.AuditTrail;
import org.smg.gateway.audit.AuditTrails;
import org.smg.gateway.testing.MutableClock;

class AppPasswordsTest {
    private static final String JANE = "jane@example.gov";
    private static final String CLIENT = "192.0.2.7";
    /** Cheap for the logic; the gateway uses PasswordHashing.ALGORITHM. */
    private static final String FAST_HASH = "PBKDF2-SHA512-10-512";
    private static SecondFactorDatabase database;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
    private AuditTrail audit;
    private AppPasswords passwords;

    @BeforeAll
    static void openDatabase() throws Exception {
        database = SecondFactorDatabase.open();
    }

    @AfterAll
    static void closeDatabase() {
        database.close();
    }

    @BeforeEach
    void setUp() throws Exception {
        audit = database.emptied();
        passwords = new AppPasswords(database.store, audit, clock, FAST_HASH);
    }

    @Test
    void matchesShouldAcceptTheCreatedPasswordForItsAccountOnlyAndRecordItsUse() throws Exception {
        String password = passwords.create(JANE, "Laptop", CLIENT);
        clock.advance(Duration.ofHours(1));

        boolean own = passwords.matches(JANE, password);
        boolean retyped = passwords.matches(JANE, password.toUpperCase().replace("-", " "));
        boolean other = passwords.matches("john@example.gov", password);

        assertThat(own).isTrue();
        assertThat(retyped).isTrue();
        assertThat(other).isFalse();
        assertThat(passwords.list(JANE)).singleElement().satisfies(listed -> {
            assertThat(listed.name()).isEqualTo("Laptop");
            assertThat(listed.created()).isEqualTo(Instant.parse("2026-03-02T10:00:00Z"));
            assertThat(listed.lastUsed()).contains(Instant.parse("2026-03-02T11:00:00Z"));
        });
    }

    @Test
    void listShouldShowNoLastUseWhenThePasswordWasNeverUsed() throws Exception {
        passwords.create(JANE, "Laptop", CLIENT);

        List<SecondFactorStore.AppPassword> listed = passwords.list(JANE);

        assertThat(listed).singleElement().satisfies(password -> assertThat(password.lastUsed()).isEmpty());
    }

    @Test
    void matchesShouldRefuseAPasswordWithTheRightLookupButAWrongSecret() throws Exception {
        String password = passwords.create(JANE, "Laptop", CLIENT);
        char last = password.charAt(password.length() - 1);
        String changed = password.substring(0, password.length() - 1) + (last == 'a' ? 'b' : 'a');

        boolean accepted = passwords.matches(JANE, changed);

        assertThat(accepted).isFalse();
    }

    @Test
    void createShouldStoreOnlyASaltedHashAndAuditWithoutThePassword() throws Exception {
        String password = passwords.create(JANE, "Phone", CLIENT);
        String secretPart = GeneratedSecrets.normalized(password).substring(GeneratedSecrets.GROUP);

        StringBuilder table = new StringBuilder();
        try (Connection connection = database.database.dataSource().getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT * FROM " + SecondFactorStore.APP_PASSWORDS)) {
            while (rows.next()) {
                for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
                    table.append(rows.getString(column)).append('|');
                }
            }
        }

        assertThat(table.toString()).contains("Phone").doesNotContain(secretPart);
        assertThat(String.join("\n", AuditTrails.exportAll(audit))).contains("APP_PASSWORD_CHANGED", "\"outcome\":\"created\"")
            .doesNotContain(secretPart, "Phone");
    }

    @Test
    void revokeShouldMakeThePasswordUselessAndOnlyWorkForItsOwner() throws Exception {
        String password = passwords.create(JANE, "Laptop", CLIENT);
        long id = passwords.list(JANE).get(0).id();

        boolean byOther = passwords.revoke("john@example.gov", id, CLIENT);
        boolean byOwner = passwords.revoke(JANE, id, CLIENT);

        assertThat(byOther).isFalse();
        assertThat(byOwner).isTrue();
        assertThat(passwords.matches(JANE, password)).isFalse();
        assertThat(passwords.list(JANE)).isEmpty();
    }

    @Test
    void revokeAllShouldRevokeEveryPasswordOfTheAccountOnlyAndAuditTheReason() throws Exception {
        String laptop = passwords.create(JANE, "Laptop", CLIENT);
        String phone = passwords.create(JANE, "Phone", CLIENT);
        String johns = passwords.create("john@example.gov", "Laptop", CLIENT);

        passwords.revokeAll(JANE, "password-reset");

        assertThat(passwords.matches(JANE, laptop)).isFalse();
        assertThat(passwords.matches(JANE, phone)).isFalse();
        assertThat(passwords.list(JANE)).isEmpty();
        assertThat(passwords.matches("john@example.gov", johns)).isTrue();
        assertThat(AuditTrails.exportAll(audit)).filteredOn(line -> line.contains("revoked-all")).singleElement().asString()
            .contains("reason=password-reset count=2").contains(JANE);
    }

    @Test
    void createShouldRefuseAnEmptyOrOverlongOrControlCharacterName() {
        assertThatThrownBy(() -> passwords.create(JANE, "  ", CLIENT)).isInstanceOf(SecondFactorException.class);
        assertThatThrownBy(() -> passwords.create(JANE, "x".repeat(65), CLIENT)).isInstanceOf(SecondFactorException.class);
        assertThatThrownBy(() -> passwords.create(JANE, "a\nb", CLIENT)).isInstanceOf(SecondFactorException.class);
    }
}
