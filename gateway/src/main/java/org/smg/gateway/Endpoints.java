package org.smg.gateway;

import java.nio.file.Path;
import java.util.List;

import org.smg.gateway.enrollment.WebLinks;
import org.smg.policies.settings.GatewaySettings;

/** The lines printed when the gateway is ready: where each service listens and how to reach it. */
final class Endpoints {
    private Endpoints() {
    }

    static List<String> describe(GatewaySettings settings, Path adminTokenFile, String scannerLine) {
        String host = settings.bindAddress().getHostAddress();
        return List.of(
            "endpoint smtp-relay  " + host + ":" + settings.relayPort() + "  (staff MTA, allow-listed: " + settings.relayAllowList() + ", STARTTLS)",
            "endpoint submission  " + host + ":" + settings.submissionPort() + "  (mail clients, STARTTLS + AUTH)",
            "endpoint smtps       " + host + ":" + settings.smtpsPort() + "  (mail clients, implicit TLS + AUTH)",
            "endpoint imap        " + host + ":" + settings.imapPort() + "  (STARTTLS required before login)",
            "endpoint imaps       " + host + ":" + settings.imapsPort() + "  (implicit TLS)",
            "endpoint web         " + host + ":" + settings.webPort() + "  (citizens, HTTPS: registration, terms, sign-in, account at " + WebLinks.of(settings).signIn() + ")",
            "endpoint webadmin    http://127.0.0.1:" + settings.webAdminPort() + "  (Authorization: Bearer <token in " + adminTokenFile + ">)",
            scannerLine,
            "domains " + String.join(", ", settings.domains()) + "; data " + settings.dataDirectory());
    }
}
