package org.smg.gateway.relay;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.smg.gateway.audit.AuditTrail;
import org.smg.gateway.enrollment.EnrollmentException;
import org.smg.mailets.audit.AuditAction;
import org.smg.mailets.audit.AuditException;

/**
 * Relay accounts: the credentials staff MTAs use for SMTP AUTH on the relay port (relay.auth=true). A realm
 * of their own: not James users and not citizen accounts, so they cannot log in to IMAP, submission or the
 * web, and no terms gate applies. Names have no '@', so they never collide with an address. Every change
 * is audited ({@code ADMIN_ACTION}, object {@code relay-account:<name>}); passwords are kept only hashed.
 */
public final class RelayAccounts {
    private static final Pattern NAME = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?");
    static final int MIN_PASSWORD = 16;
    static final int MAX_PASSWORD = 256;
    /** A check on an unknown name costs the same as on a known one. */
    private static final String DECOY = RelayPasswords.hash("decoy-" + System.nanoTime());

    private final RelayAccountStore store;
    private final AuditTrail audit;

    public RelayAccounts(RelayAccountStore store, AuditTrail audit) {
        this.store = store;
        this.audit = audit;
    }

    public RelayAccountStore.RelayAccount create(String name, String password, String actor)
            throws EnrollmentException, SQLException, AuditException {
        checkName(name);
        checkPassword(password);
        if (!store.insert(name, RelayPasswords.hash(password), actor)) {
            throw EnrollmentException.conflict("a relay account named '" + name + "' exists; change its password or delete it");
        }
        audit.record(actor, AuditAction.ADMIN_ACTION, "relay-account:" + name, "created", "POST /relay-accounts");
        return list().stream().filter(account -> account.name().equals(name)).findFirst()
            .orElseThrow(() -> new SQLException("relay account missing right after its insert"));
    }

    public void changePassword(String name, String password, String actor) throws EnrollmentException, SQLException, AuditException {
        checkName(name);
        checkPassword(password);
        if (!store.updatePassword(name, RelayPasswords.hash(password))) {
            throw EnrollmentException.notFound("no relay account named '" + name + "'");
        }
        audit.record(actor, AuditAction.ADMIN_ACTION, "relay-account:" + name, "password-changed", "POST /relay-accounts/" + name + "/password");
    }

    public void delete(String name, String actor) throws EnrollmentException, SQLException, AuditException {
        checkName(name);
        if (!store.delete(name)) {
            throw EnrollmentException.notFound("no relay account named '" + name + "'");
        }
        audit.record(actor, AuditAction.ADMIN_ACTION, "relay-account:" + name, "deleted", "DELETE /relay-accounts/" + name);
    }

    public List<RelayAccountStore.RelayAccount> list() throws SQLException {
        return store.list();
    }

    /** Whether the name and password are those of a relay account; never throws on a malformed name. */
    public boolean verify(String name, String password) throws SQLException {
        if (name == null || password == null || !NAME.matcher(name).matches() || password.length() > MAX_PASSWORD) {
            RelayPasswords.matches(password == null ? "" : password.substring(0, Math.min(password.length(), MAX_PASSWORD)), DECOY);
            return false;
        }
        Optional<String> hash = store.passwordHash(name);
        boolean matches = RelayPasswords.matches(password, hash.orElse(DECOY));
        return hash.isPresent() && matches;
    }

    private static void checkName(String name) throws EnrollmentException {
        if (name == null || !NAME.matcher(name).matches()) {
            throw EnrollmentException.invalid("'name' must be 1 to 32 lower-case letters, digits and '-' (not first or last), such as staff-mta-1");
        }
    }

    private static void checkPassword(String password) throws EnrollmentException {
        if (password == null || password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            throw EnrollmentException.invalid("'password' must be " + MIN_PASSWORD + " to " + MAX_PASSWORD
                + " characters (a machine's password: generate a long random one)");
        }
    }
}
