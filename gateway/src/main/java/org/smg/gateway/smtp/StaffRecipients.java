package org.smg.gateway.smtp;

import java.sql.SQLException;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.apache.james.protocols.api.ProtocolSession.State;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.core.RcptCmdHandler;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.HookReturnCode;
import org.apache.james.protocols.smtp.hook.RcptHook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smg.gateway.delivery.RecipientPolicy;
import org.smg.gateway.enrollment.RecipientStatus;
import org.smg.gateway.routing.ExternalAddresses;
import org.smg.policies.model.PolicyHolder;

/**
 * Relay port, the first say on a recipient: addresses in the gateway's domains go on to the usual checks
 * ({@link LocalDomainsOnly}, then the account and mailbox checks). A citizen's registered external
 * (notification) address is, when routing.yaml's {@code externalAddressToSecureInbox} is true, replaced by that
 * citizen's secure address in the session's recipient (James adds the replacement to the envelope, never the
 * external address, so the mail cannot leave), after the same account check the secure address would get;
 * when false it is refused exactly as every other outside address is ({@link LocalDomainsOnly}'s relaying denied),
 * so the answer does not tell who is enrolled; only the log says why.
 */
public final class StaffRecipients implements RcptHook {
    private static final Logger LOGGER = LoggerFactory.getLogger(StaffRecipients.class);

    private final LocalDomainsOnly localDomains;
    private final ExternalAddresses externalAddresses;
    private final RecipientPolicy recipients;
    private final PolicyHolder policies;

    @Inject
    public StaffRecipients(LocalDomainsOnly localDomains, ExternalAddresses externalAddresses, RecipientPolicy recipients,
                           PolicyHolder policies) {
        this.localDomains = localDomains;
        this.externalAddresses = externalAddresses;
        this.recipients = recipients;
        this.policies = policies;
    }

    @Override
    public HookResult doRcpt(SMTPSession session, MaybeSender sender, MailAddress recipient) {
        HookResult local = localDomains.doRcpt(session, sender, recipient);
        if (local.getResult().getAction() != HookReturnCode.Action.DENY) {
            return local;
        }
        try {
            Optional<MailAddress> secure = externalAddresses.secureAddressOf(recipient.asString());
            if (secure.isEmpty()) {
                return local;
            }
            if (!policies.current().routing().externalAddressToSecureInbox()) {
                // The same answer as for any outside address: a different one would tell a relay client who is enrolled.
                LOGGER.info("Refused relay recipient: the external address of citizen {} (externalAddressToSecureInbox is false)", secure.get());
                return local;
            }
            Optional<RecipientStatus> closed = recipients.refusal(secure.get());
            if (closed.isPresent()) {
                return refusal("550", closed.get().enhancedCode() + " " + closed.get().text());
            }
            // RcptCmdHandler adds this session value to the envelope once every hook has passed.
            session.setAttachment(RcptCmdHandler.CURRENT_RECIPIENT, secure.get(), State.Transaction);
            LOGGER.info("Relay recipient taken to the secure inbox of citizen {}: it was their external address", secure.get());
            return HookResult.OK;
        } catch (SQLException e) {
            LOGGER.warn("Could not look up a relay recipient: {}", e.getClass().getName());
            return refusal("451", "4.3.0 Temporary failure checking the recipient; try again later");
        }
    }

    private static HookResult refusal(String code, String description) {
        return HookResult.builder()
            .hookReturnCode(code.startsWith("4") ? HookReturnCode.denySoft() : HookReturnCode.deny())
            .smtpReturnCode(code)
            .smtpDescription(description)
            .build();
    }
}
