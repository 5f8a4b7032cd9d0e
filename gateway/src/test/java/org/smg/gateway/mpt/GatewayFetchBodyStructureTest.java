package org.smg.gateway.mpt;

import org.apache.james.mpt.api.ImapHostSystem;
import org.apache.james.mpt.imapmailbox.suite.FetchBodyStructure;
import org.junit.jupiter.api.extension.RegisterExtension;

class GatewayFetchBodyStructureTest extends FetchBodyStructure {
    @RegisterExtension
    GatewayHostSystemExtension hostSystem = new GatewayHostSystemExtension();

    @Override
    protected ImapHostSystem createImapHostSystem() {
        return hostSystem.hostSystem();
    }
}
