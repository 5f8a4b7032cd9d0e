package org.smg.gateway.secondfactor;

import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smg.gateway.audit.AuditTrail;
import org.smg.gateway.auth.LoginThrottle;
import org.smg.gateway.auth.PasswordHashing;
import org.smg.mailets.audit.AuditAction;
import org.smg.mailets.audit.AuditException;

/**
 * The citizens' TOTP second factor: enrolment (a secret held in memory until a code from it is
 * entered, then stored with ten recovery codes), the check at sign-in, removal by its owner (with
 * a current code) or by an administrator (a lost phone).
 *
 * <p>Each code is accepted once: the newest accepted step is stored per account and only moves
 * forward, so a code seen over a shoulder or replayed from a log is refused even within its window.
 * A recovery code is marked used when accepted. After {@link #WRONG_CODES_BEFORE_LOCK} wrong codes
 * an account's codes are not checked at all until {@link #LOCK_TEXT a quarter of an hour} without a
 * wrong one: six digits must not be guessable by trying. Every check is in the audit trail.
 */
public final class SecondFactors {
    private static final Logger LOGGER = LoggerFactory.getLogger(SecondFactors.class);
    public static final int RECOVERY_CODES = 10;
    static final int WRONG_CODES_BEFORE_LOCK = 5;
    static final String LOCK_TEXT = "15 minutes";
    static final Duration PENDING_LIFETIME = Duration.ofMinutes(15);
    static final String ISSUER = "Secure messaging";

    /** The outcome of a code entered at sign-in or to remove the factor. */
    public enum Check {
        TOTP("totp"),
        RECOVERY_CODE("recovery-code"),
        WRONG("wrong"),
        REPLAYED("replayed"),
        THROTTLED("throttled");

        private final String word;

        Check(String word) {
            this.word = word;
        }

        public boolean accepted() {
            return this == TOTP || this == RECOVERY_CODE;
        }

        /** What the citizen is told when the code is refused. */
        public String explanation() {
            return switch (this) {
                case WRONG -> "This code is not correct. Enter the six-digit code your app shows now, or one of your recovery codes.";
                case REPLAYED -> "This code was used already. Wait for your app to show the next code and enter that one.";
                case THROTTLED -> "Too many wrong codes. For your safety, codes are not checked for " + LOCK_TEXT
                    + "; try again later. If you lost your phone and your recovery codes, ask the office to reset your second factor.";
                default -> "";
            };
        }
    }

    /** A secret shown to the citizen, not yet confirmed by a code. */
    public record Enrolment(String secret, String uri, Instant started) {
        @Override
        public String toString() {
            return "Enrolment[" + started + "]"; // never the secret
        }
    }

    private final SecondFactorStore store;
    private final AuditTrail audit;
    private final Clock clock;
    private final Totp totp = new Totp();
    private final SecureRandom random = new SecureRandom();
    private final LoginThrottle wrongCodes;
    private final Map<String, Enrolment> pending = new ConcurrentHashMap<>();

    private final String hashAlgorithm;

    public SecondFactors(SecondFactorStore store, AuditTrail audit, Clock clock) {
        this(store, audit, clock, PasswordHashing.ALGORITHM);
    }

    SecondFactors(SecondFactorStore store, AuditTrail audit, Clock clock, String hashAlgorithm) {
        this.hashAlgorithm = hashAlgorithm;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.wrongCodes = new LoginThrottle(WRONG_CODES_BEFORE_LOCK, Duration.ofMinutes(15), clock);
    }

    public boolean enrolled(String account) throws SQLException {
        return store.factor(account).isPresent();
    }

    /**
     * The secret being enrolled for the account by {@code holder} (the browser session that shows it): the pending one,
     * or a new one. A set-up is private to its holder: a secret read in another session left open is never the one
     * the account's owner confirms.
     */
    public Enrolment enrolment(String account, String holder) {
        Instant now = clock.instant();
        // Abandoned set-ups are forgotten here: at most one per signed-in session, so the sweep stays small.
        pending.values().removeIf(enrolment -> !enrolment.started().plus(PENDING_LIFETIME).isAfter(now));
        return pending.compute(key(account, holder), (key, existing) -> existing != null
            && existing.started().plus(PENDING_LIFETIME).isAfter(now) ? existing : newEnrolment(account, now));
    }

    /** The holder's pending enrolment for the account, if one was started and has not expired. */
    public Optional<Enrolment> pendingEnrolment(String account, String holder) {
        Enrolment enrolment = pending.get(key(account, holder));
        if (enrolment == null || !enrolment.started().plus(PENDING_LIFETIME).isAfter(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(enrolment);
    }

    /**
     * Confirms the pending secret with a current code from it: the factor is stored and the recovery
     * codes returned, to be shown once (only their hashes are kept).
     */
    public List<String> confirm(String account, String holder, String code, String client)
            throws SecondFactorException, SQLException, AuditException {
        Enrolment enrolment = pendingEnrolment(account, holder).orElseThrow(() -> new SecondFactorException("code",
            "The set-up took too long and was started again: scan the new QR code and enter its code."));
        if (wrongCodes.delayFor(account).compareTo(Duration.ZERO) > 0) {
            audited(account, AuditAction.SECOND_FACTOR_CHECKED, Check.THROTTLED.word, "purpose=enrol", client);
            throw new SecondFactorException("code", Check.THROTTLED.explanation());
        }
        OptionalLong step = totp.matchingStep(enrolment.secret(), code.strip(), clock.instant());
        if (step.isEmpty()) {
            wrongCodes.recordFailure(account);
            audited(account, AuditAction.SECOND_FACTOR_CHECKED, Check.WRONG.word, "purpose=enrol", client);
            throw new SecondFactorException("code", "This code does not match. Check that your phone's time is right and enter"
                + " the code your app shows now.");
        }
        List<String> codes = new ArrayList<>();
        List<SecondFactorStore.Hashed> hashes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            String recovery = GeneratedSecrets.recoveryCode(random);
            codes.add(recovery);
            String normalized = GeneratedSecrets.normalized(recovery);
            String salt = PasswordHashing.newSalt(random);
            hashes.add(new SecondFactorStore.Hashed(0, salt, PasswordHashing.hashSecret(hashAlgorithm, recoverySecret(normalized), salt),
                recoveryLookup(normalized)));
        }
        if (!store.enrol(account, enrolment.secret(), step.getAsLong(), clock.instant(), hashes)) {
            throw new SecondFactorException("code", "Your account has a second factor already.");
        }
        pending.remove(key(account, holder), enrolment);
        wrongCodes.recordSuccess(account);
        audited(account, AuditAction.SECOND_FACTOR_ENROLLED, "enrolled", "recoveryCodes=" + RECOVERY_CODES, client);
        LOGGER.info("second factor enrolled for {}", account);
        return codes;
    }

    /** Checks a code (six digits) or a recovery code for the account; {@code purpose} goes to the audit trail (sign-in, disable). */
    public Check check(String account, String input, String purpose, String client) throws SQLException, AuditException {
        Check check = verify(account, input.strip());
        if (check == Check.WRONG || check == Check.REPLAYED) {
            wrongCodes.recordFailure(account);
        } else if (check.accepted()) {
            wrongCodes.recordSuccess(account);
        }
        audited(account, AuditAction.SECOND_FACTOR_CHECKED, check.word, "purpose=" + purpose, client);
        if (!check.accepted()) {
            LOGGER.info("second-factor code for {} refused: {}", account, check.word);
        }
        return check;
    }

    private Check verify(String account, String input) throws SQLException {
        if (wrongCodes.delayFor(account).compareTo(Duration.ZERO) > 0) {
            return Check.THROTTLED;
        }
        Optional<SecondFactorStore.Factor> factor = store.factor(account);
        if (factor.isEmpty()) {
            return Check.WRONG;
        }
        if (Totp.looksLikeCode(input)) {
            OptionalLong step = totp.matchingStep(factor.get().secret(), input, clock.instant());
            if (step.isEmpty()) {
                return Check.WRONG;
            }
            return store.advanceStep(account, step.getAsLong()) ? Check.TOTP : Check.REPLAYED;
        }
        String normalized = GeneratedSecrets.normalized(input);
        if (normalized.length() != GeneratedSecrets.RECOVERY_CODE_LENGTH) {
            return Check.WRONG;
        }
        for (SecondFactorStore.Hashed code : store.unusedRecoveryCodes(account, recoveryLookup(normalized))) {
            if (PasswordHashing.secretMatches(hashAlgorithm, recoverySecret(normalized), code.salt(), code.hash())) {
                return store.useRecoveryCode(code.id(), clock.instant()) ? Check.RECOVERY_CODE : Check.REPLAYED;
            }
        }
        return Check.WRONG;
    }

    /** Removes the factor after checking a current code from it (or a recovery code). */
    public Check disable(String account, String code, String client) throws SQLException, AuditException {
        Check check = check(account, code, "disable", client);
        if (check.accepted() && store.remove(account)) {
            audited(account, AuditAction.SECOND_FACTOR_REMOVED, "disabled", "", client);
            LOGGER.info("second factor of {} disabled by its owner", account);
        }
        return check;
    }

    private static String key(String account, String holder) {
        return account + '\n' + holder;
    }

    /** An administrator's reset of a lost factor; true when there was one. */
    public boolean reset(String account, String actor) throws SQLException, AuditException {
        boolean removed = store.remove(account);
        pending.remove(account);
        wrongCodes.recordSuccess(account);
        audit.record(actor, AuditAction.SECOND_FACTOR_REMOVED, account, removed ? "reset" : "none-enrolled", "");
        LOGGER.info("second factor of {} reset by {}: {}", account, actor, removed ? "removed" : "none was enrolled");
        return removed;
    }

    /** The first characters of a recovery code find its row (about one in a thousand of the account's codes share them). */
    private static String recoveryLookup(String normalized) {
        return normalized.substring(0, GeneratedSecrets.RECOVERY_LOOKUP);
    }

    private static String recoverySecret(String normalized) {
        return normalized.substring(GeneratedSecrets.RECOVERY_LOOKUP);
    }

    private Enrolment newEnrolment(String account, Instant now) {
        String secret = Totp.newSecret(random);
        return new Enrolment(secret, Totp.uri(ISSUER, account, secret), now);
    }

    private void audited(String account, AuditAction action, String outcome, String detail, String client) throws AuditException {
        String who = AuditTrail.fromClient(account);
        String where = "client=" + AuditTrail.fromClient(client);
        audit.record("user:" + who, action, who, outcome, detail.isEmpty() ? where : detail + " " + where);
    }
}
