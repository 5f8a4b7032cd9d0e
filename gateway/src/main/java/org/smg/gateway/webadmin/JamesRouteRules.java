package org.smg.gateway.webadmin;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which WebAdmin requests reach Spark, decided on the method and path alone, before any body byte
 * is read. James's own routes would let an administrator bypass enrollment (create a user with no
 * invitation), the records (delete a mailbox, a queued or held mail) or the audit trail, so:
 * <ul>
 *   <li>reading ({@code GET}, {@code HEAD}, {@code OPTIONS}) is allowed everywhere;</li>
 *   <li>the gateway's own routes (first path segment of a gateway {@code Routes}) are allowed:
 *       they check their input and write the audit trail themselves;</li>
 *   <li>a few of James's changes are allowed but audited: releasing held mail from a repository
 *       through the whole pipeline ({@code ?action=reprocess&processor=root} only), and cancelling a task;</li>
 *   <li>every other change is refused with 403 and what to use instead. This is a closed list: a
 *       James route not named here is refused too.</li>
 * </ul>
 * Paths are split the way Spark matches them (on '/', empty segments dropped, no decoding), and the
 * method is taken the way Spark takes it ({@code X-HTTP-Method-Override} first), so that what is
 * decided here is what Spark will route.
 */
final class JamesRouteRules {
    static final String METHOD_OVERRIDE = "X-HTTP-Method-Override";
    private static final Set<String> READING = Set.of("GET", "HEAD", "OPTIONS");
    private static final String DISABLED = "This James WebAdmin route is disabled in the gateway";
    private static final Map<String, String> INSTEAD = Map.ofEntries(
        Map.entry("users", "Accounts are created by invitation only: use POST /invitations; suspend, reactivate, opt out or "
            + "reset a password with POST /accounts/{address}/suspend|reactivate|opt-out|password-reset (bin/smg accounts)"),
        Map.entry("mailboxes", "Stored mail is kept as records: mailboxes and messages are not changed over WebAdmin"),
        Map.entry("domains", "Mail domains come from gateway.domains in conf/gateway.properties"),
        Map.entry("domainMappings", "Address and domain mappings are not used by the gateway"),
        Map.entry("mappings", "Address and domain mappings are not used by the gateway"),
        Map.entry("address", "Aliases, forwards and groups are not used by the gateway"),
        Map.entry("quota", "Quotas are part of the gateway's configuration, not changed over WebAdmin"),
        Map.entry("mailQueues", "Queued mail is delivered, retried or bounced by the gateway and never dropped: queues are read-only"),
        Map.entry("mailRepositories", "Held mail is kept: release it with PATCH /mailRepositories/{path}/mails[/{key}]?action=reprocess&processor=root"),
        Map.entry("events", "Event dead letters are read-only over WebAdmin"),
        Map.entry("tasks", "Tasks can be read or cancelled (DELETE /tasks/{id}) only"));

    enum Kind { ALLOW, AUDIT, REFUSE }

    /** What to do with a request; {@code message} says why it is refused. */
    record Decision(Kind kind, String message) {
        static final Decision ALLOWED = new Decision(Kind.ALLOW, "");
        static final Decision AUDITED = new Decision(Kind.AUDIT, "");

        /** The 403 body, shaped like James's ErrorResponder. */
        String refusalJson() {
            return "{\"statusCode\":403,\"type\":\"InvalidArgument\",\"message\":\"" + message.replace("\"", "'") + "\"}";
        }
    }

    private final Set<String> gatewayRoutes;

    /** @param gatewayRoutes first path segments of the gateway's own routes, e.g. {@code invitations} */
    JamesRouteRules(Set<String> gatewayRoutes) {
        this.gatewayRoutes = Set.copyOf(gatewayRoutes);
    }

    /** The method Spark will route on: the override header when present, upper-cased. */
    static String effectiveMethod(String method, String methodOverride) {
        return (methodOverride != null ? methodOverride : method).strip().toUpperCase(Locale.ROOT);
    }

    Decision decide(String method, String requestUri, String queryString) {
        if (READING.contains(method)) {
            return Decision.ALLOWED;
        }
        List<String> segments = segments(requestUri);
        String first = segments.isEmpty() ? "" : segments.get(0);
        if (gatewayRoutes.contains(first)) {
            return Decision.ALLOWED;
        }
        if (first.equals("mailRepositories") && method.equals("PATCH") && (segments.size() == 3 || segments.size() == 4)
                && segments.get(2).equals("mails")) {
            return throughWholePipeline(queryString) ? Decision.AUDITED : new Decision(Kind.REFUSE,
                "Held mail is released through the gateway's whole pipeline: ?action=reprocess&processor=root is the only form allowed");
        }
        if (first.equals("tasks") && method.equals("DELETE") && segments.size() == 2) {
            return Decision.AUDITED;
        }
        return new Decision(Kind.REFUSE, INSTEAD.getOrDefault(first, DISABLED));
    }

    /** Split like Spark's route matching: on '/', empty segments dropped, nothing decoded. */
    static List<String> segments(String requestUri) {
        List<String> segments = new ArrayList<>();
        Arrays.stream(requestUri == null ? new String[0] : requestUri.split("/")).filter(s -> !s.isEmpty()).forEach(segments::add);
        return segments;
    }

    /**
     * Only {@code action=reprocess&processor=root}, each once: a held mail's own state would store it
     * again where it was held, and any later processor would skip the pipeline's checks and audit.
     */
    private static boolean throughWholePipeline(String queryString) {
        if (queryString == null || queryString.isEmpty()) {
            return false;
        }
        Map<String, String> parameters = new HashMap<>();
        for (String pair : queryString.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            if (parameters.put(name, value) != null) {
                return false;
            }
        }
        return parameters.equals(Map.of("action", "reprocess", "processor", "root"));
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "\u0000";
        }
    }
}
