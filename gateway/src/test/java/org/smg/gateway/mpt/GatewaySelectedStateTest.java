package org.smg.gateway.mpt;

import org.apache.james.mpt.api.ImapHostSystem;
import org.apache.james.mpt.imapmailbox.suite.SelectedState;
import org.junit.jupiter.api.extension.RegisterExtension;

class GatewaySelectedStateTest extends SelectedState {
    @RegisterExtension
    GatewayHostSystemExtension hostSystem = new GatewayHostSystemExtension();

    @Override
    protected ImapHostSystem createImapHostSystem() {
        return hostSystem.hostSystem();
    }

    // SAVEDATE and REPLACE are not offered: the JPA store keeps no save date, and James 3.8.1's Guice IMAP package has no REPLACE command (not announced either). See docs/imap-compliance.md.

    /** Not run: the gateway does not offer what this script checks (see the comment above and
     * docs/imap-compliance.md); SaveDateIntegrationTest checks what it answers instead. */
    @Override
    public void testSearchSaveDate() {
    }

    /** Not run: the gateway does not offer what this script checks (see the comment above and
     * docs/imap-compliance.md); SaveDateIntegrationTest checks what it answers instead. */
    @Override
    public void testReplace() {
    }
}
