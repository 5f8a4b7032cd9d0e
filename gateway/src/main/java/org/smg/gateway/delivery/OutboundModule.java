package org.smg.gateway.delivery;

import com.google.inject.AbstractModule;

/** Binds the outbound route the pipeline's {@link SmartHostDelivery} uses. */
public final class OutboundModule extends AbstractModule {
    private final OutboundRoute route;

    public OutboundModule(OutboundRoute route) {
        this.route = route;
    }

    @Override
    protected void configure() {
        bind(OutboundRoute.class).toInstance(route);
    }
}
