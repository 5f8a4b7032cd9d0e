package org.smg.gateway.imap;

import javax.inject.Singleton;

import org.apache.james.modules.protocols.ImapPackage;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;

/** Serves the gateway's IMAP commands ({@link GatewayImapPackage}); use with {@code Modules.override(new IMAPServerModule())}. */
public final class GatewayImapPackageModule extends AbstractModule {
    @Provides
    @Singleton
    ImapPackage imapPackage() {
        return new GatewayImapPackage();
    }
}
