package org.smg.gateway.web;

import java.util.Optional;

import org.smg.gateway.maintenance.Downtime;
import org.smg.gateway.maintenance.Maintenance;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;

/**
 * During a maintenance window every page answers {@code 503 Service Unavailable} with a page naming the window's
 * end and {@code Retry-After} (seconds until the end, RFC 9110 10.2.3); the style sheet and other static assets
 * are still served, so the maintenance page itself looks right. Outside a window the request goes on to the pages.
 */
final class MaintenancePage implements HttpHandler {
    static final String STATIC_PREFIX = "/static/";

    private final Maintenance maintenance;
    private final Pages pages;
    private final HttpHandler next;

    MaintenancePage(Maintenance maintenance, Pages pages, HttpHandler next) {
        this.maintenance = maintenance;
        this.pages = pages;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        Optional<Downtime> downtime = exchange.getRequestPath().startsWith(STATIC_PREFIX) ? Optional.empty() : maintenance.now();
        if (downtime.isEmpty()) {
            next.handleRequest(exchange);
            return;
        }
        exchange.getResponseHeaders().put(Headers.RETRY_AFTER, downtime.get().secondsLeft(maintenance.instant()));
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
        pages.message(exchange, 503, "Down for maintenance", "Secure messaging is down for maintenance until "
            + downtime.get().until() + ". Your messages are safe, and mail sent to you meanwhile is delivered. Please come back then.",
            null, null);
    }
}
