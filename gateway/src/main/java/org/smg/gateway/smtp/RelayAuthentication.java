package org.smg.gateway.smtp;

import java.sql.SQLException;

import javax.inject.Inject;

import org.apache.james.core.Username;
import org.apache.james.protocols.api.OidcSASLConfiguration;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.AuthHook;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.HookReturnCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smg.gateway.audit.AuditTrail;
import org.smg.gateway.auth.LoginGate;
import org.smg.gateway.auth.LoginGate.Admission;
import org.smg.gateway.relay.RelayAccounts;
import org.smg.mailets.audit.AuditAction;
import org.smg.mailets.audit.AuditException;

/**
 * Relay port: SMTP AUTH checks the relay accounts of staff MTAs ({@link RelayAccounts}), never the citizens'
 * users repository, so a citizen's password opens nothing here and a relay account's opens nothing
 * elsewhere. Placed before {@link GatedAuthentication} and answering every attempt, through the same
 * {@link LoginGate} (delays after failures), with the same {@code 535 5.7.8} for every failure. Checked
 * attempts are audited ({@code LOGIN_SUCCEEDED}/{@code LOGIN_FAILED}, actor {@code relay:<name>}).
 */
public final class RelayAuthentication implements AuthHook {
    private static final Logger LOGGER = LoggerFactory.getLogger(RelayAuthentication.class);
    private static final HookResult FAILED = HookResult.builder()
        .hookReturnCode(HookReturnCode.deny())
        .smtpReturnCode("535")
        .smtpDescription("5.7.8 Authentication credentials invalid")
        .build();
    private static final HookResult UNAVAILABLE = HookResult.builder()
        .hookReturnCode(HookReturnCode.deny())
        .smtpReturnCode("454")
        .smtpDescription("4.7.0 Temporary authentication failure")
        .build();

    private final RelayAccounts accounts;
    private final LoginGate gate;
    private final AuditTrail audit;

    @Inject
    public RelayAuthentication(RelayAccounts accounts, LoginGate gate, AuditTrail audit) {
        this.accounts = accounts;
        this.gate = gate;
        this.audit = audit;
    }

    @Override
    public HookResult doAuth(SMTPSession session, Username username, String password) {
        String client = session.getRemoteAddress().getAddress().getHostAddress();
        try (Admission admission = gate.admitWithin(session.getRemoteAddress().getAddress(), GatedAuthentication.WAIT_LIMIT)) {
            if (!admission.admitted()) {
                return FAILED;
            }
            String name = username.asString();
            boolean verified = accounts.verify(name, password);
            audit.record("relay:" + AuditTrail.fromClient(name), verified ? AuditAction.LOGIN_SUCCEEDED : AuditAction.LOGIN_FAILED,
                AuditTrail.fromClient(name), verified ? "relay-account" : "wrong-credentials", "protocol=smtp-relay client=" + client);
            if (!verified) {
                return FAILED;
            }
            admission.succeeded();
            session.setUsername(username);
            return HookResult.builder()
                .hookReturnCode(HookReturnCode.ok())
                .smtpDescription("2.7.0 Authentication successful")
                .build();
        } catch (SQLException | AuditException e) {
            LOGGER.warn("Relay authentication could not be checked or recorded: {}", e.getClass().getName());
            return UNAVAILABLE;
        }
    }

    @Override
    public HookResult doSasl(SMTPSession session, OidcSASLConfiguration configuration, String initialResponse) {
        return HookResult.DECLINED;
    }
}
