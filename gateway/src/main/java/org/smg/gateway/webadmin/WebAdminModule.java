package org.smg.gateway.webadmin;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import javax.inject.Singleton;

import org.apache.james.jwt.JwtConfiguration;
import org.apache.james.webadmin.FixedPortSupplier;
import org.apache.james.webadmin.Routes;
import org.apache.james.webadmin.WebAdminConfiguration;
import org.apache.james.webadmin.WebAdminServer;
import org.apache.james.webadmin.authentication.AuthenticationFilter;
import org.smg.gateway.audit.AuditTrail;
import org.smg.gateway.secrets.Secret;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Scopes;

/**
 * WebAdmin on loopback only, behind {@link AdminRequestGate} (token, {@link JamesRouteRules} and
 * body size checked before Spark reads anything) and {@link AdminTokenFilter}. The host token and
 * the named administrators' tokens ({@link NamedAdminTokens}) are accepted. Overrides the configuration James would read
 * from {@code webadmin.properties}.
 */
public final class WebAdminModule extends AbstractModule {
    private static final String LOOPBACK = "127.0.0.1";
    private static final String GATEWAY_PACKAGE = "org.smg.";

    private final int port;
    private final Secret adminToken;

    public WebAdminModule(int port, Secret adminToken) {
        this.port = port;
        this.adminToken = adminToken;
    }

    @Override
    protected void configure() {
        bind(WebAdminConfiguration.class).toInstance(WebAdminConfiguration.builder()
            .enabled()
            .host(LOOPBACK)
            .port(new FixedPortSupplier(port))
            // James 3.8.1 installs its CORS filter whatever this says (it tests "enabled", not
            // "CORS enabled") and allows any origin by default: allow only WebAdmin's own.
            .corsDisabled()
            .urlCORSOrigin("http://" + LOOPBACK + ":" + port)
            .build());
        bind(AuthenticationFilter.class).to(AdminTokenFilter.class);
        bind(WebAdminServer.class).to(GatedWebAdminServer.class).in(Scopes.SINGLETON);
        bind(JwtConfiguration.class).toInstance(new JwtConfiguration(List.of()));
    }

    @Provides
    @Singleton
    AdminCredentials credentials(NamedAdminTokens namedAdmins) {
        return new AdminCredentials(adminToken, namedAdmins);
    }

    @Provides
    @Singleton
    GatedJettyFactory jettyFactory(AdminCredentials credentials, Set<Routes> routes, AuditTrail audit) {
        return new GatedJettyFactory(credentials, new JamesRouteRules(gatewayRoutes(routes)), audit);
    }

    /** First path segments of the gateway's own routes (not James's): those check their input and audit themselves. */
    private static Set<String> gatewayRoutes(Set<Routes> routes) {
        return routes.stream()
            .filter(route -> route.getClass().getName().startsWith(GATEWAY_PACKAGE))
            .map(route -> JamesRouteRules.segments(route.getBasePath()))
            .filter(segments -> !segments.isEmpty())
            .map(segments -> segments.get(0))
            .collect(Collectors.toUnmodifiableSet());
    }
}
