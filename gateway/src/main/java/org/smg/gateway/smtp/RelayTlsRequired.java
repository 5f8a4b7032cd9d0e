package org.smg.gateway.smtp;

import java.net.InetAddress;

import javax.inject.Inject;

import org.apache.james.core.MaybeSender;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.MailHook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smg.policies.settings.RelayTlsRequirement;

/**
 * Relay port: a staff MTA covered by relay.requireTls (by default every one not on loopback) must
 * STARTTLS before MAIL FROM, else {@code 530 5.7.0}; a man in the middle who strips STARTTLS from the
 * EHLO reply then gets no citizen data, only a refused transaction.
 */
public final class RelayTlsRequired implements MailHook {
    private static final Logger LOGGER = LoggerFactory.getLogger(RelayTlsRequired.class);

    private final RelayTlsRequirement requirement;

    @Inject
    public RelayTlsRequired(RelayPolicy policy) {
        this.requirement = policy.requireTls();
    }

    @Override
    public HookResult doMail(SMTPSession session, MaybeSender sender) {
        InetAddress client = session.getRemoteAddress().getAddress();
        if (session.isTLSStarted() || !requirement.appliesTo(client)) {
            return HookResult.DECLINED;
        }
        LOGGER.warn("Refused MAIL FROM on the relay port from {} (session {}): STARTTLS required first",
            client.getHostAddress(), session.getSessionID());
        return StartTlsFirst.HOOK_RESULT;
    }
}
