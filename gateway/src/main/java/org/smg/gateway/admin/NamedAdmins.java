package org.smg.gateway.admin;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smg.gateway.audit.AuditTrail;
import org.smg.gateway.enrollment.EnrollmentException;
import org.smg.gateway.enrollment.LinkTokens;
import org.smg.gateway.webadmin.NamedAdminTokens;
import org.smg.mailets.audit.AuditAction;
import org.smg.mailets.audit.AuditException;

/**
 * Named administrators: each has a token of their own (256 random bits, shown once, stored as a
 * SHA-256), so that the audit trail says who did what ({@code admin:<name>}). Created and revoked
 * only with the host token; a revoked name is never given out again, so that a name in the trail
 * always means one person.
 *
 * <p>The WebAdmin gate asks {@link #nameOf} on every request: the active tokens are held in memory
 * (hash to name), loaded once and replaced after every creation and revocation, so a revoked token
 * is refused from the next request on. Looking up the SHA-256 of the presented token leaks nothing
 * useful by its timing: an attacker cannot choose hashes.
 */
public final class NamedAdmins implements NamedAdminTokens {
    /** A name as it appears in the audit trail: lower case, starting with a letter, at most 32 characters. */
    static final Pattern NAME = Pattern.compile("[a-z][a-z0-9._-]{0,31}");
    /** Reserved: {@code admin:host} is the actor of the host token. */
    static final String HOST = "host";
    private static final Logger LOGGER = LoggerFactory.getLogger(NamedAdmins.class);

    /** A new administrator and their token, which is never shown again. */
    record Created(String name, String token, Instant created) {
    }

    private final AdminTokenTable table;
    private final AuditTrail audit;
    private final Clock clock;
    private volatile Map<String, String> activeByHash;

    NamedAdmins(AdminTokenTable table, AuditTrail audit, Clock clock) {
        this.table = table;
        this.audit = audit;
        this.clock = clock;
    }

    synchronized Created create(String name, String actor) throws EnrollmentException, SQLException, AuditException {
        if (name == null || !NAME.matcher(name).matches()) {
            throw EnrollmentException.invalid("'name' must be 1 to 32 characters: a lower-case letter, then lower-case letters, "
                + "digits, '.', '_' or '-' (e.g. alice)");
        }
        if (name.equals(HOST)) {
            throw EnrollmentException.invalid("'host' is reserved for the host token of secrets/webadmin.token");
        }
        Optional<AdminTokenTable.Row> existing = table.find(name);
        if (existing.isPresent()) {
            throw EnrollmentException.conflict("administrator '" + name + "' already exists"
                + (existing.get().active() ? "" : " (revoked; names are not reused, so the audit trail stays unambiguous)"));
        }
        String token = LinkTokens.newToken();
        Instant now = clock.instant();
        table.insert(new AdminTokenTable.Row(name, LinkTokens.hash(token), now, actor, Optional.empty()));
        try {
            audit.record(actor, AuditAction.ADMIN_TOKEN_CREATED, "admin:" + name, "created", "");
        } catch (AuditException e) {
            // Never hand out a token the trail does not know about.
            table.revoke(name, now);
            throw e;
        } finally {
            reload();
        }
        LOGGER.info("named administrator {} created by {}", name, actor);
        return new Created(name, token, now);
    }

    List<AdminTokenTable.Row> list() throws SQLException {
        return table.all();
    }

    synchronized void revoke(String name, String actor) throws EnrollmentException, SQLException, AuditException {
        Optional<AdminTokenTable.Row> existing = table.find(name);
        if (existing.isEmpty()) {
            throw EnrollmentException.notFound("no administrator named '" + AdminErrors.printable(name) + "'");
        }
        if (!table.revoke(name, clock.instant())) {
            throw EnrollmentException.conflict("administrator '" + name + "' is already revoked");
        }
        reload();
        audit.record(actor, AuditAction.ADMIN_TOKEN_REVOKED, "admin:" + name, "revoked", "");
        LOGGER.info("named administrator {} revoked by {}", name, actor);
    }

    @Override
    public Optional<String> nameOf(String presentedToken) {
        if (!LinkTokens.looksLikeToken(presentedToken)) {
            return Optional.empty();
        }
        Map<String, String> active = activeByHash;
        if (active == null) {
            active = reload();
        }
        return Optional.ofNullable(active.get(LinkTokens.hash(presentedToken)));
    }

    /** Reads the active tokens again; on a database error nobody named is let in until the next try. */
    private synchronized Map<String, String> reload() {
        try {
            activeByHash = table.all().stream().filter(AdminTokenTable.Row::active)
                .collect(Collectors.toUnmodifiableMap(AdminTokenTable.Row::tokenHash, AdminTokenTable.Row::name));
            return activeByHash;
        } catch (SQLException e) {
            LOGGER.error("named administrators could not be read: {}", e.getMessage());
            activeByHash = null;
            return Map.of();
        }
    }
}
