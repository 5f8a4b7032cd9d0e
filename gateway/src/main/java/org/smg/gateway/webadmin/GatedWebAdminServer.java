package org.smg.gateway.webadmin;

import java.util.List;

import javax.inject.Inject;
import javax.inject.Named;

import org.apache.james.metrics.api.MetricFactory;
import org.apache.james.webadmin.Routes;
import org.apache.james.webadmin.WebAdminConfiguration;
import org.apache.james.webadmin.WebAdminServer;
import org.apache.james.webadmin.authentication.AuthenticationFilter;
import org.apache.james.webadmin.mdc.LoggingRequestFilter;

import spark.embeddedserver.EmbeddedServers;

/**
 * James's WebAdmin server, started on a Jetty built by {@link GatedJettyFactory} so that
 * {@link AdminRequestGate} sees each request before Spark does. James creates its Spark service
 * with the default embedded server and keeps it private; Spark looks that default up in a
 * JVM-wide registry when the service starts, so it is replaced there just before. WebAdmin is the
 * only Spark service in the gateway.
 */
final class GatedWebAdminServer extends WebAdminServer {
    private final GatedJettyFactory jettyFactory;

    @Inject
    GatedWebAdminServer(WebAdminConfiguration configuration,
                        @Named("webAdminRoutes") List<Routes> routes,
                        AuthenticationFilter authenticationFilter,
                        MetricFactory metricFactory,
                        LoggingRequestFilter loggingRequestFilter,
                        GatedJettyFactory jettyFactory) {
        super(configuration, routes, authenticationFilter, metricFactory, loggingRequestFilter);
        this.jettyFactory = jettyFactory;
    }

    @Override
    public WebAdminServer start() {
        EmbeddedServers.add(EmbeddedServers.defaultIdentifier(), jettyFactory);
        return super.start();
    }
}
