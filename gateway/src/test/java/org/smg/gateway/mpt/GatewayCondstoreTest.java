package org.smg.gateway.mpt;

import org.apache.james.mpt.host.JamesImapHostSystem;
import org.apache.james.mpt.imapmailbox.suite.Condstore;
import org.junit.jupiter.api.extension.RegisterExtension;

class GatewayCondstoreTest extends Condstore {
    @RegisterExtension
    GatewayHostSystemExtension hostSystem = new GatewayHostSystemExtension();

    @Override
    protected JamesImapHostSystem createJamesImapHostSystem() {
        return hostSystem.hostSystem();
    }
}
