package org.smg.gateway.delivery;

import java.util.Optional;

/** The outbound route chosen at start-up: a smart host, or none (outbound mail is held). */
public final class OutboundRoute {
    private final Optional<SmartHostTransport> smartHost;

    public OutboundRoute(Optional<SmartHostTransport> smartHost) {
        this.smartHost = smartHost;
    }

    /** Whether mail can leave at all; without a smart host it waits in the held repository. */
    public boolean configured() {
        return smartHost.isPresent();
    }

    Optional<SmartHostTransport> smartHost() {
        return smartHost;
    }
}
