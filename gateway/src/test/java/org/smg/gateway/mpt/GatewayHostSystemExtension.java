package org.smg.gateway.mpt;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Prepares a {@link GatewayImapHostSystem} before each script and empties the mailbox after it. */
final class GatewayHostSystemExtension implements BeforeEachCallback, AfterEachCallback {
    private final GatewayImapHostSystem hostSystem = new GatewayImapHostSystem();

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        hostSystem.beforeTest();
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        hostSystem.afterTest();
    }

    GatewayImapHostSystem hostSystem() {
        return hostSystem;
    }
}
