package org.smg.gateway.smtp;

import org.smg.gateway.quota.DataDirectorySpace;
import org.smg.policies.settings.GatewaySettings;

import com.google.inject.AbstractModule;

/** Binds the typed settings the gateway's SMTP handlers inject; James instantiates those handlers through Guice. */
public final class SmtpPolicyModule extends AbstractModule {
    private final RelayPolicy relayPolicy;
    private final RecipientLimit recipientLimit;
    private final DataDirectorySpace space;

    public SmtpPolicyModule(GatewaySettings settings) {
        this.relayPolicy = RelayPolicy.from(settings);
        this.recipientLimit = new RecipientLimit(settings.limits().maxRecipients());
        this.space = new DataDirectorySpace(settings.dataDirectory(), settings.minFreeSpace());
    }

    @Override
    protected void configure() {
        bind(RelayPolicy.class).toInstance(relayPolicy);
        bind(RecipientLimit.class).toInstance(recipientLimit);
        bind(DataDirectorySpace.class).toInstance(space);
    }
}
