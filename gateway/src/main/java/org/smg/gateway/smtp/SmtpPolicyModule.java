package org.smg.gateway.smtp;

import org.smg.policies.settings.GatewaySettings;

import com.google.inject.AbstractModule;

/** Binds the typed settings the gateway's SMTP handlers inject; James instantiates those handlers through Guice. */
public final class SmtpPolicyModule extends AbstractModule {
    private final RelayPolicy relayPolicy;
    private final RecipientLimit recipientLimit;

    public SmtpPolicyModule(GatewaySettings settings) {
        this.relayPolicy = RelayPolicy.from(settings);
        this.recipientLimit = new RecipientLimit(settings.limits().maxRecipients());
    }

    @Override
    protected void configure() {
        bind(RelayPolicy.class).toInstance(relayPolicy);
        bind(RecipientLimit.class).toInstance(recipientLimit);
    }
}
