package org.smg.gateway.web;

import java.sql.SQLException;
import java.util.Optional;

import org.smg.gateway.enrollment.Enrollment;
import org.smg.gateway.enrollment.Invitation;
import org.smg.gateway.enrollment.LinkPurpose;
import org.smg.gateway.enrollment.LinkRefused;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.PathTemplateMatch;

/**
 * What every page opened from a mailed one-time link ({@code /register/{token}}, {@code /reset/{token}},
 * {@code /email/{token}}) does alike: take the token from the path, open the link for its purpose, spend it, and
 * answer a link that cannot be used with the same page, 404 when unknown and 410 when it existed (used, expired,
 * revoked, locked). The pages keep only their own form and action.
 */
final class OneTimeLinks {
    /** The action that spends a link; it may find the link unusable ({@link LinkRefused}) at the last moment. */
    @FunctionalInterface
    interface LinkUse<T> {
        T use() throws Exception;
    }

    private final Enrollment enrollment;
    private final Pages pages;

    OneTimeLinks(Enrollment enrollment, Pages pages) {
        this.enrollment = enrollment;
        this.pages = pages;
    }

    /** The {@code {token}} of the page's path, or "" (which no link has). */
    static String pathToken(HttpServerExchange exchange) {
        PathTemplateMatch match = exchange.getAttachment(PathTemplateMatch.ATTACHMENT_KEY);
        return match == null ? "" : match.getParameters().getOrDefault("token", "");
    }

    /** The link, opened without spending it; empty once the page of an unusable link is sent. */
    Optional<Invitation> open(HttpServerExchange exchange, String token, LinkPurpose purpose) throws SQLException {
        try {
            return Optional.of(enrollment.open(token, purpose));
        } catch (LinkRefused e) {
            refused(exchange, e);
            return Optional.empty();
        }
    }

    /**
     * Spends the link with {@code use} and returns what it gives; empty once the page of an unusable link is sent.
     * Any other exception of {@code use} is the caller's to answer.
     */
    <T> Optional<T> spend(HttpServerExchange exchange, LinkUse<T> use) throws Exception {
        try {
            return Optional.of(use.use());
        } catch (LinkRefused e) {
            refused(exchange, e);
            return Optional.empty();
        }
    }

    private void refused(HttpServerExchange exchange, LinkRefused refused) {
        int status = refused.reason() == LinkRefused.Reason.UNKNOWN ? 404 : 410;
        pages.message(exchange, status, "This link cannot be used", refused.reason().explanation(), "/signin", "Sign in");
    }
}
