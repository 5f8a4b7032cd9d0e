package org.smg.gateway.webadmin;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ThreadPool;
import org.smg.gateway.audit.AuditTrail;

import spark.ExceptionMapper;
import spark.embeddedserver.EmbeddedServer;
import spark.embeddedserver.EmbeddedServerFactory;
import spark.embeddedserver.jetty.EmbeddedJettyServer;
import spark.embeddedserver.jetty.JettyHandler;
import spark.embeddedserver.jetty.JettyServerFactory;
import spark.http.matching.MatcherFilter;
import spark.route.Routes;
import spark.staticfiles.StaticFilesConfiguration;

/**
 * Builds Spark's embedded Jetty the way Spark's own factory does, with one difference: Spark's
 * handler (and with it every James filter and route) sits behind {@link AdminRequestGate}.
 */
final class GatedJettyFactory implements EmbeddedServerFactory {
    private static final int DEFAULT_MIN_THREADS = 8;
    private static final int DEFAULT_IDLE_TIMEOUT_MILLIS = 60_000;

    private final AdminCredentials credentials;
    private final JamesRouteRules rules;
    private final AuditTrail audit;

    GatedJettyFactory(AdminCredentials credentials, JamesRouteRules rules, AuditTrail audit) {
        this.credentials = credentials;
        this.rules = rules;
        this.audit = audit;
    }

    @Override
    public EmbeddedServer create(Routes routes, StaticFilesConfiguration staticFiles, ExceptionMapper exceptionMapper,
                                 boolean hasMultipleHandlers) {
        MatcherFilter spark = new MatcherFilter(routes, staticFiles, exceptionMapper, false, hasMultipleHandlers);
        spark.init(null);
        JettyHandler sparkHandler = new JettyHandler(spark);
        sparkHandler.getSessionCookieConfig().setHttpOnly(true);
        AdminRequestGate gate = new AdminRequestGate(credentials, rules, audit);
        gate.setHandler(sparkHandler);
        return new EmbeddedJettyServer(new Servers(), gate);
    }

    /** Jetty servers with the thread pool WebAdmin asks Spark for. */
    private static final class Servers implements JettyServerFactory {
        @Override
        public Server create(int maxThreads, int minThreads, int idleTimeoutMillis) {
            if (maxThreads <= 0) {
                return new Server();
            }
            return new Server(new QueuedThreadPool(maxThreads, minThreads > 0 ? minThreads : DEFAULT_MIN_THREADS,
                idleTimeoutMillis > 0 ? idleTimeoutMillis : DEFAULT_IDLE_TIMEOUT_MILLIS));
        }

        @Override
        public Server create(ThreadPool threadPool) {
            return threadPool == null ? new Server() : new Server(threadPool);
        }
    }
}
