package org.smg.gateway.imap;

import javax.inject.Singleton;

import org.apache.james.imap.processor.CapabilityProcessor;
import org.apache.james.modules.protocols.ImapPackage;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Scopes;

/** Serves the gateway's IMAP commands ({@link GatewayImapPackage}); use with {@code Modules.override(new IMAPServerModule())}. */
public final class GatewayImapPackageModule extends AbstractModule {
    @Override
    protected void configure() {
        // One capability processor: the one that answers CAPABILITY is also the one ENABLE asks, so
        // ENABLE sees the configured (disabled) CONDSTORE instead of an unconfigured James instance.
        bind(NoSaveDateCapabilityProcessor.class).in(Scopes.SINGLETON);
        bind(CapabilityProcessor.class).to(NoSaveDateCapabilityProcessor.class);
    }

    @Provides
    @Singleton
    ImapPackage imapPackage() {
        return new GatewayImapPackage();
    }
}
