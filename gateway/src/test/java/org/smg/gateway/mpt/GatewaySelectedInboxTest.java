package org.smg.gateway.mpt;

import org.apache.james.mpt.api.ImapHostSystem;
import org.apache.james.mpt.imapmailbox.suite.SelectedInbox;
import org.junit.jupiter.api.extension.RegisterExtension;

class GatewaySelectedInboxTest extends SelectedInbox {
    @RegisterExtension
    GatewayHostSystemExtension hostSystem = new GatewayHostSystemExtension();

    @Override
    protected ImapHostSystem createImapHostSystem() {
        return hostSystem.hostSystem();
    }

    // The script expects SAVEDATE in CAPABILITY; the gateway deliberately does not announce it (the JPA store keeps no save date). See docs/imap-compliance.md.

    /** Not run: the gateway does not offer what this script checks (see the comment above and
     * docs/imap-compliance.md); SaveDateIntegrationTest checks what it answers instead. */
    @Override
    public void testCapabilityUS() {
    }

    /** Not run: the gateway does not offer what this script checks (see the comment above and
     * docs/imap-compliance.md); SaveDateIntegrationTest checks what it answers instead. */
    @Override
    public void testCapabilityITALY() {
    }

    /** Not run: the gateway does not offer what this script checks (see the comment above and
     * docs/imap-compliance.md); SaveDateIntegrationTest checks what it answers instead. */
    @Override
    public void testCapabilityKOREA() {
    }
}
