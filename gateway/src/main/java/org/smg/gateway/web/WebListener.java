package org.smg.gateway.web;

import javax.net.ssl.SSLContext;

import org.smg.policies.settings.GatewaySettings;

/** Where the citizen web server listens and with which TLS identity; provided by {@link WebModule}. */
record WebListener(GatewaySettings settings, SSLContext tls) {
}
