package org.smg.gateway.enrollment;

import org.smg.policies.settings.GatewaySettings;

/** The citizen web server's public addresses, built from the configured host name and web port. */
public final class WebLinks {
    private final String base;

    public WebLinks(String host, int port) {
        // Always with the port, 443 included: the link's form is a contract scripts parse.
        this.base = "https://" + host + ":" + port;
    }

    public static WebLinks of(GatewaySettings settings) {
        return new WebLinks(settings.hostname(), settings.webPort());
    }

    public String base() {
        return base;
    }

    public String register(String token) {
        return base + "/register/" + token;
    }

    public String reset(String token) {
        return base + "/reset/" + token;
    }

    public String confirmEmail(String token) {
        return base + "/email/" + token;
    }

    public String terms() {
        return base + "/terms";
    }

    public String signIn() {
        return base + "/signin";
    }
}
