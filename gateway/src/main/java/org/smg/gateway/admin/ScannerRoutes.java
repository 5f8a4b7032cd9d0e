package org.smg.gateway.admin;

import java.util.Set;

import javax.inject.Inject;

import org.apache.james.core.healthcheck.HealthCheck;
import org.apache.james.core.healthcheck.Result;
import org.apache.james.webadmin.Routes;
import org.smg.gateway.attachments.ScanBacklog;

import com.fasterxml.jackson.databind.node.ObjectNode;

import spark.Request;
import spark.Response;
import spark.Service;

/**
 * {@code GET /scanner}: whether the virus scanner answers and how many mails wait in the queue for a scan, with
 * the time the oldest started waiting: {@code {"clamd":"healthy|degraded|unhealthy","detail":"...","waiting":N,
 * "oldestWaitingSince":"<ISO-8601>"|null}}. The same clamd verdict is in James's {@code GET /healthcheck}.
 */
public final class ScannerRoutes implements Routes {
    static final String BASE_PATH = "/scanner";
    private static final String CLAMD = "clamd";

    private final Set<HealthCheck> healthChecks;
    private final ScanBacklog backlog;

    @Inject
    public ScannerRoutes(Set<HealthCheck> healthChecks, ScanBacklog backlog) {
        this.healthChecks = healthChecks;
        this.backlog = backlog;
    }

    @Override
    public String getBasePath() {
        return BASE_PATH;
    }

    @Override
    public void define(Service service) {
        service.get(BASE_PATH, this::status);
    }

    private Object status(Request request, Response response) {
        QueryParameters.only(request, Set.of());
        ScanBacklog.Summary summary = RouteErrors.answer("reading the scan backlog", backlog::summary);
        Result clamd = healthChecks.stream()
            .filter(check -> check.componentName().getName().equals(CLAMD))
            .findFirst()
            .map(check -> reactor.core.publisher.Mono.from(check.check()).block())
            .orElseThrow(() -> new IllegalStateException("no clamd health check is bound"));
        ObjectNode json = JsonBodies.JSON.createObjectNode();
        json.put(CLAMD, clamd.getStatus().getValue());
        json.put("detail", clamd.getCause().orElse(""));
        json.put("waiting", summary.waiting());
        json.put("oldestWaitingSince", summary.oldestSince().map(Object::toString).orElse(null));
        response.type("application/json");
        return json.toString();
    }
}
