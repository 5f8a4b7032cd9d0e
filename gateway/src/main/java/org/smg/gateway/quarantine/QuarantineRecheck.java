package org.smg.gateway.quarantine;

import java.io.IOException;
import java.util.List;

import javax.mail.MessagingException;

import org.apache.mailet.Mail;
import org.smg.gateway.attachments.Refusal;
import org.smg.gateway.attachments.ScannerUnavailableException;

/**
 * Inspects a quarantined mail again before it is released, with the policy and the scanner as they
 * are now: the same inspection mail gets when it arrives. Bound by the gateway to its message
 * inspector; there is deliberately no default, so a gateway without one does not start rather than
 * release mail unchecked.
 */
public interface QuarantineRecheck {
    /**
     * @return the refusals; empty when the mail may be delivered
     * @throws ScannerUnavailableException when no verdict could be had (the mail stays held)
     */
    List<Refusal> recheck(Mail mail) throws ScannerUnavailableException, MessagingException, IOException;
}
