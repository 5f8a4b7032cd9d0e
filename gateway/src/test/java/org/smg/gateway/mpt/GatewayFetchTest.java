package org.smg.gateway.mpt;

import org.apache.james.mpt.api.ImapHostSystem;
import org.apache.james.mpt.imapmailbox.suite.Fetch;
import org.junit.jupiter.api.extension.RegisterExtension;

class GatewayFetchTest extends Fetch {
    @RegisterExtension
    GatewayHostSystemExtension hostSystem = new GatewayHostSystemExtension();

    @Override
    protected ImapHostSystem createImapHostSystem() {
        return hostSystem.hostSystem();
    }

    // The script expects FETCH SAVEDATE to work; the gateway answers BAD because the JPA store keeps no save date. See docs/imap-compliance.md.

    /** Not run: the gateway does not offer what this script checks (see the comment above and
     * docs/imap-compliance.md); SaveDateIntegrationTest checks what it answers instead. */
    @Override
    public void testFetchSaveDate() {
    }
}
