package org.smg.gateway.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

/**
 * Runs a page on a worker thread (pages read forms and ask the database, which blocks) and turns
 * what a page may throw into a page with a clear status: a refused form body (413, 415, 400), a
 * missing CSRF token (403), anything else (500, logged with the
 * route's name only: paths carry link tokens).
 */
final class GuardedHandler implements HttpHandler {
    private static final Logger LOGGER = LoggerFactory.getLogger(GuardedHandler.class);

    /** One page: reads the request, answers it. */
    @FunctionalInterface
    interface Page {
        void handle(HttpServerExchange exchange) throws Exception;
    }

    static final String CSRF_REFUSED = "This form could not be accepted because it did not come from a page of this site"
        + " in your current session (its security token is missing or out of date). Go back, reload the page and send the form again.";

    private final String route;
    private final Page page;
    private final Pages pages;

    GuardedHandler(String route, Page page, Pages pages) {
        this.route = route;
        this.page = page;
        this.pages = pages;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        if (exchange.isInIoThread()) {
            exchange.dispatch(this);
            return;
        }
        exchange.startBlocking();
        try {
            page.handle(exchange);
        } catch (FormBody.Refused e) {
            answer(exchange, e.status(), "The form was refused", e.getMessage());
        } catch (Visit.CsrfRefused e) {
            LOGGER.info("web {}: form refused from {}: {}", route, Visit.client(exchange), e.getMessage());
            answer(exchange, 403, "The form was refused", CSRF_REFUSED);
        } catch (Exception e) {
            LOGGER.error("web {} failed: {}", route, e.toString());
            answer(exchange, 500, "Something went wrong", "The service could not complete your request. Try again later.");
        }
    }

    private void answer(HttpServerExchange exchange, int status, String title, String text) {
        if (exchange.isResponseStarted()) {
            exchange.endExchange();
            return;
        }
        pages.message(exchange, status, title, text, "/", "Back to the start");
    }
}
