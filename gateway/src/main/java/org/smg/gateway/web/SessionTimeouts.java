package org.smg.gateway.web;

import java.time.Duration;
import java.time.Instant;

import org.smg.policies.settings.GatewaySettings;

/**
 * When a web session ends on its own: after {@code idle} without a request (someone walked away from a shared
 * computer), and {@code absolute} after it began however busy it is (a stolen cookie stops working by then).
 */
record SessionTimeouts(Duration idle, Duration absolute) {
    static final SessionTimeouts DEFAULT = new SessionTimeouts(Duration.ofMinutes(15), Duration.ofHours(12));

    static SessionTimeouts of(GatewaySettings settings) {
        return new SessionTimeouts(settings.webSessionIdleTimeout(), settings.webSessionAbsoluteTimeout());
    }

    boolean expired(WebSession session, Instant now) {
        return session.lastSeen().plus(idle).isBefore(now) || session.started().plus(absolute).isBefore(now);
    }
}
