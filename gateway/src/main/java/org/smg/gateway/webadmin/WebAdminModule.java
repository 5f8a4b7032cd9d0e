package org.smg.gateway.webadmin;

import java.util.List;

import org.apache.james.jwt.JwtConfiguration;
import org.apache.james.webadmin.FixedPortSupplier;
import org.apache.james.webadmin.WebAdminConfiguration;
import org.apache.james.webadmin.WebAdminServer;
import org.apache.james.webadmin.authentication.AuthenticationFilter;
import org.smg.gateway.secrets.Secret;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;

/**
 * WebAdmin on loopback only, behind {@link AdminRequestGate} (token and body size checked before
 * Spark reads anything) and {@link AdminTokenFilter}. Overrides the configuration James would read
 * from {@code webadmin.properties}.
 */
public final class WebAdminModule extends AbstractModule {
    private static final String LOOPBACK = "127.0.0.1";

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
        bind(AuthenticationFilter.class).toInstance(new AdminTokenFilter(adminToken));
        bind(GatedJettyFactory.class).toInstance(new GatedJettyFactory(new AdminCredentials(adminToken)));
        bind(WebAdminServer.class).to(GatedWebAdminServer.class).in(Scopes.SINGLETON);
        bind(JwtConfiguration.class).toInstance(new JwtConfiguration(List.of()));
    }
}
