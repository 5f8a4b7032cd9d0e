package org.smg.gateway.web;

import javax.inject.Singleton;

import org.apache.james.utils.InitializationOperation;
import org.apache.james.utils.InitilizationOperationBuilder;
import org.smg.gateway.tls.ServerIdentity;
import org.smg.gateway.tls.ServerSslContext;
import org.smg.gateway.tls.TlsIdentityException;
import org.smg.policies.settings.GatewaySettings;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Scopes;
import com.google.inject.multibindings.ProvidesIntoSet;

/** The citizen web server, started with James and stopped with it. */
public final class WebModule extends AbstractModule {
    private final GatewaySettings settings;
    private final ServerIdentity identity;

    public WebModule(GatewaySettings settings, ServerIdentity identity) {
        this.settings = settings;
        this.identity = identity;
    }

    @Override
    protected void configure() {
        // Constructed by Guice (not provided) so that James's lifecycle sees its @PreDestroy.
        bind(CitizenWebServer.class).in(Scopes.SINGLETON);
    }

    @Provides
    @Singleton
    WebListener listener() throws TlsIdentityException {
        return new WebListener(settings, ServerSslContext.of(identity));
    }

    @ProvidesIntoSet
    InitializationOperation startWebServer(CitizenWebServer server) {
        return InitilizationOperationBuilder.forClass(CitizenWebServer.class).init(server::start);
    }
}
