package org.smg.policies.settings;

import java.util.List;

/** The names of every key gateway.properties may contain, in the order the shipped file lists them. */
final class SettingKeys {

    static final String HOSTNAME = "gateway.hostname";
    static final String DOMAINS = "gateway.domains";
    static final String DATA_DIR = "gateway.dataDir";
    static final String BIND_ADDRESS = "gateway.bindAddress";
    static final String RELAY_PORT = "smtp.relay.port";
    static final String SUBMISSION_PORT = "smtp.submission.port";
    static final String SMTPS_PORT = "smtp.smtps.port";
    static final String IMAP_PORT = "imap.port";
    static final String IMAPS_PORT = "imap.imaps.port";
    static final String WEB_PORT = "web.port";
    static final String WEBADMIN_PORT = "webadmin.port";
    static final String RELAY_ALLOW_LIST = "relay.allowList";
    static final String RELAY_AUTH = "relay.auth";
    static final String RELAY_REQUIRE_TLS = "relay.requireTls";
    static final String SECRET_ENV = "storage.secret.env";
    static final String SECRET_FILE = "storage.secret.file";
    static final String TLS_KEYSTORE = "tls.keystore";
    static final String TLS_KEYSTORE_PASSWORD_FILE = "tls.keystore.passwordFile";
    static final String TLS_CERTIFICATE = "tls.certificate";
    static final String TLS_PRIVATE_KEY = "tls.privateKey";
    static final String MAX_MESSAGE_SIZE = "limits.maxMessageSize";
    static final String CONNECTIONS_PER_IP = "limits.connectionsPerIp";
    static final String CONNECTIONS = "limits.connections";
    static final String IMAP_LITERAL_SIZE = "limits.imap.literalSize";
    static final String IMAP_PRE_AUTH_LITERAL_SIZE = "limits.imap.preAuthLiteralSize";
    static final String IMAP_LITERALS_PER_COMMAND = "limits.imap.literalsPerCommand";
    static final String IMAP_MAX_LINE_LENGTH = "limits.imap.maxLineLength";
    static final String AUTH_FAILURES_BEFORE_DELAY = "limits.auth.failuresBeforeDelay";
    static final String AUTH_MAX_DELAY = "limits.auth.maxDelay";
    static final String MAX_RECIPIENTS = "limits.maxRecipients";

    static final List<String> ALL = List.of(
            HOSTNAME, DOMAINS, DATA_DIR, BIND_ADDRESS,
            RELAY_PORT, SUBMISSION_PORT, SMTPS_PORT, IMAP_PORT, IMAPS_PORT, WEB_PORT, WEBADMIN_PORT,
            RELAY_ALLOW_LIST, RELAY_AUTH, RELAY_REQUIRE_TLS, SECRET_ENV, SECRET_FILE,
            TLS_KEYSTORE, TLS_KEYSTORE_PASSWORD_FILE, TLS_CERTIFICATE, TLS_PRIVATE_KEY,
            MAX_MESSAGE_SIZE, MAX_RECIPIENTS, CONNECTIONS_PER_IP, CONNECTIONS,
            IMAP_LITERAL_SIZE, IMAP_PRE_AUTH_LITERAL_SIZE, IMAP_LITERALS_PER_COMMAND, IMAP_MAX_LINE_LENGTH,
            AUTH_FAILURES_BEFORE_DELAY, AUTH_MAX_DELAY);

    private SettingKeys() {
    }

    /** Tells whether an empty value means "not configured" rather than a mistake. */
    static boolean mayBeEmpty(String key) {
        return key.startsWith("tls.");
    }
}
