package org.smg.gateway.mpt;

import org.apache.james.mpt.api.ImapHostSystem;
import org.apache.james.mpt.imapmailbox.suite.QuotaTest;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class GatewayQuotaTest extends QuotaTest {
    @RegisterExtension
    GatewayHostSystemExtension hostSystem = new GatewayHostSystemExtension();

    @Override
    protected ImapHostSystem createImapHostSystem() {
        return hostSystem.hostSystem();
    }

    /** Open: see docs/imap-compliance.md. */
    @Override
    @Test
    @Disabled("GETQUOTA answers 'NO GETQUOTA processing failed' on this stack; cause not yet investigated (docs/imap-compliance.md)")
    public void testQuotaScript() {
    }
}
