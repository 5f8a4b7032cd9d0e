package org.smg.gateway.secondfactor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

class SecondFactorsTest {
    private static final String JANE = "jane@example.gov";
    private static final String CLIENT = "192.0.2.7";
    private static final String HOLDER = "session-1";
    /** Cheap for the logic; the gateway uses PasswordHashing.ALGORITHM. */
    private static final String FAST_HASH = "PBKDF2-SHA512-10-512";
    private static SecondFactorDatabase database;
    private final Totp totp = new Totp();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:05Z"));
    private AuditTrail audit;
    private SecondFactors factors;

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
        factors = new SecondFactors(database.store, audit, clock, FAST_HASH);
    }

    @Test
    void confirmShouldStoreTheFactorAndReturnTenDistinctRecoveryCodesWhenTheCodeMatches() throws Exception {
        String secret = factors.enrolment(JANE, HOLDER).secret();

        List<String> codes = factors.confirm(JANE, HOLDER, totp.code(secret, clock.instant()), CLIENT);

        assertThat(codes).hasSize(SecondFactors.RECOVERY_CODES).doesNotHaveDuplicates();
        assertThat(factors.enrolled(JANE)).isTrue();
        assertThat(String.join("\n", AuditTrails.exportAll(audit))).contains("SECOND_FACTOR_ENROLLED").doesNotContain(secret, codes.get(0));
    }

    @Test
    void enrolmentShouldBePrivateToTheSessionThatStartedIt() throws Exception {
        String mine = factors.enrolment(JANE, HOLDER).secret();
        String elsewhere = factors.enrolment(JANE, "session-2").secret();

        assertThat(elsewhere).isNotEqualTo(mine);
        assertThat(factors.enrolment(JANE, HOLDER).secret()).isEqualTo(mine);
        assertThat(factors.pendingEnrolment(JANE, "session-3")).isEmpty();
        assertThatThrownBy(() -> factors.confirm(JANE, "session-2", totp.code(mine, clock.instant()), CLIENT))
            .isInstanceOf(SecondFactorException.class);
        assertThat(factors.enrolled(JANE)).isFalse();
    }

    @Test
    void confirmShouldRefuseAWrongCodeAndStoreNothing() throws Exception {
        String secret = factors.enrolment(JANE, HOLDER).secret();
        String wrong = totp.code(secret, clock.instant().plusSeconds(120));

        assertThatThrownBy(() -> factors.confirm(JANE, HOLDER, wrong, CLIENT)).isInstanceOf(SecondFactorException.class);
        assertThat(factors.enrolled(JANE)).isFalse();
    }

    @Test
    void checkShouldAcceptACodeOnceAndRefuseItsReplay() throws Exception {
        String secret = enrolled();
        clock.advance(Duration.ofSeconds(30));
        String code = totp.code(secret, clock.instant());

        SecondFactors.Check first = factors.check(JANE, code, "sign-in", CLIENT);
        SecondFactors.Check replay = factors.check(JANE, code, "sign-in", CLIENT);

        assertThat(first).isEqualTo(SecondFactors.Check.TOTP);
        assertThat(replay).isEqualTo(SecondFactors.Check.REPLAYED);
    }

    @Test
    void checkShouldRefuseTheCodeOfAnEarlierStepOnceALaterOneWasAccepted() throws Exception {
        String secret = enrolled();
        clock.advance(Duration.ofSeconds(60));
        String later = totp.code(secret, clock.instant().plusSeconds(30));
        String earlier = totp.code(secret, clock.instant());

        SecondFactors.Check accepted = factors.check(JANE, later, "sign-in", CLIENT);
        SecondFactors.Check refused = factors.check(JANE, earlier, "sign-in", CLIENT);

        assertThat(accepted).isEqualTo(SecondFactors.Check.TOTP);
        assertThat(refused).isEqualTo(SecondFactors.Check.REPLAYED);
    }

    @Test
    void checkShouldRefuseTheEnrolmentCodeAtSignIn() throws Exception {
        String secret = factors.enrolment(JANE, HOLDER).secret();
        String code = totp.code(secret, clock.instant());
        factors.confirm(JANE, HOLDER, code, CLIENT);

        SecondFactors.Check check = factors.check(JANE, code, "sign-in", CLIENT);

        assertThat(check).isEqualTo(SecondFactors.Check.REPLAYED);
    }

    @Test
    void checkShouldAcceptEachRecoveryCodeOnceInAnyCaseAndSpacing() throws Exception {
        String secret = factors.enrolment(JANE, HOLDER).secret();
        List<String> codes = factors.confirm(JANE, HOLDER, totp.code(secret, clock.instant()), CLIENT);

        SecondFactors.Check first = factors.check(JANE, codes.get(3).toUpperCase().replace('-', ' '), "sign-in", CLIENT);
        SecondFactors.Check again = factors.check(JANE, codes.get(3), "sign-in", CLIENT);
        SecondFactors.Check other = factors.check(JANE, codes.get(4), "sign-in", CLIENT);

        assertThat(first).isEqualTo(SecondFactors.Check.RECOVERY_CODE);
        assertThat(again).isEqualTo(SecondFactors.Check.WRONG);
        assertThat(other).isEqualTo(SecondFactors.Check.RECOVERY_CODE);
    }

    @Test
    void checkShouldRefuseEvenTheRightCodeAfterFiveWrongOnesUntilAQuarterOfAnHourPassed() throws Exception {
        String secret = enrolled();
        for (int i = 0; i < SecondFactors.WRONG_CODES_BEFORE_LOCK; i++) {
            assertThat(factors.check(JANE, "000000".equals(totp.code(secret, clock.instant())) ? "111111" : "000000", "sign-in", CLIENT))
                .isEqualTo(SecondFactors.Check.WRONG);
        }
        clock.advance(Duration.ofSeconds(30));

        SecondFactors.Check locked = factors.check(JANE, totp.code(secret, clock.instant()), "sign-in", CLIENT);
        clock.advance(Duration.ofMinutes(16));
        SecondFactors.Check later = factors.check(JANE, totp.code(secret, clock.instant()), "sign-in", CLIENT);

        assertThat(locked).isEqualTo(SecondFactors.Check.THROTTLED);
        assertThat(later).isEqualTo(SecondFactors.Check.TOTP);
        assertThat(String.join("\n", AuditTrails.exportAll(audit))).contains("\"outcome\":\"throttled\"");
    }

    @Test
    void disableShouldRemoveTheFactorOnlyWithAValidCode() throws Exception {
        String secret = enrolled();
        clock.advance(Duration.ofSeconds(30));

        SecondFactors.Check wrong = factors.disable(JANE, "12345", CLIENT);
        boolean stillEnrolled = factors.enrolled(JANE);
        SecondFactors.Check right = factors.disable(JANE, totp.code(secret, clock.instant()), CLIENT);

        assertThat(wrong).isEqualTo(SecondFactors.Check.WRONG);
        assertThat(stillEnrolled).isTrue();
        assertThat(right).isEqualTo(SecondFactors.Check.TOTP);
        assertThat(factors.enrolled(JANE)).isFalse();
    }

    @Test
    void resetShouldRemoveTheFactorAndBeAuditedWithTheAdministrator() throws Exception {
        enrolled();

        boolean removed = factors.reset(JANE, "admin:alice");
        boolean again = factors.reset(JANE, "admin:alice");

        assertThat(removed).isTrue();
        assertThat(again).isFalse();
        assertThat(factors.enrolled(JANE)).isFalse();
        assertThat(String.join("\n", AuditTrails.exportAll(audit)))
            .contains("\"actor\":\"admin:alice\",\"action\":\"SECOND_FACTOR_REMOVED\",\"objectId\":\"jane@example.gov\",\"outcome\":\"reset\"");
    }

    private String enrolled() throws Exception {
        String secret = factors.enrolment(JANE, HOLDER).secret();
        factors.confirm(JANE, HOLDER, totp.code(secret, clock.instant()), CLIENT);
        return secret;
    }
}
