package org.smg.policies.settings;

import static java.util.Map.entry;
import static org.smg.policies.settings.Limits.*;
import static org.smg.policies.settings.SettingKeys.*;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.BiConsumer;

/** For each key, how its text is parsed and handed to the builder; parsers throw IllegalArgumentException. */
final class ValueBindings {

    private static final String EXPECTED_BIND = "an IP address such as 127.0.0.1, 0.0.0.0 or ::1"
            + " (host names are not accepted, so start-up never depends on DNS)";

    private static final Map<String, BiConsumer<GatewaySettings.Builder, String>> BINDINGS = Map.ofEntries(
            entry(HOSTNAME, (builder, text) -> builder.hostname(HostNames.parseHostName(text))),
            entry(DOMAINS, (builder, text) -> builder.domains(
                    CommaList.parse(text, HostNames.EXPECTED_DOMAINS, HostNames::parseDomain))),
            entry(DATA_DIR, (builder, text) -> builder.dataDirectory(PathRules.parse(text))),
            entry(BIND_ADDRESS, (builder, text) -> builder.bindAddress(IpLiterals.parseAddress(text, EXPECTED_BIND))),
            entry(RELAY_PORT, (builder, text) -> builder.relayPort(PortParser.parse(text))),
            entry(SUBMISSION_PORT, (builder, text) -> builder.submissionPort(PortParser.parse(text))),
            entry(SMTPS_PORT, (builder, text) -> builder.smtpsPort(PortParser.parse(text))),
            entry(IMAP_PORT, (builder, text) -> builder.imapPort(PortParser.parse(text))),
            entry(IMAPS_PORT, (builder, text) -> builder.imapsPort(PortParser.parse(text))),
            entry(WEB_PORT, (builder, text) -> builder.webPort(PortParser.parse(text))),
            entry(WEBADMIN_PORT, (builder, text) -> builder.webAdminPort(PortParser.parse(text))),
            entry(RELAY_ALLOW_LIST, (builder, text) -> builder.relayAllowList(
                    CommaList.parse(text, Cidr.EXPECTED_ENTRIES, Cidr::parse))),
            entry(RELAY_AUTH, (builder, text) -> builder.relayAuth(Booleans.parse(text))),
            entry(RELAY_REQUIRE_TLS, (builder, text) -> builder.relayRequireTls(RelayTlsRequirement.parse(text))),
            entry(SECRET_ENV, (builder, text) ->
                    builder.storageSecretEnvironmentVariable(SecretSource.parseVariable(text))),
            entry(SECRET_FILE, (builder, text) -> builder.storageSecretFile(PathRules.parse(text))),
            entry(TLS_KEYSTORE, (builder, text) -> builder.tlsKeystore(optionalPath(text))),
            entry(TLS_KEYSTORE_PASSWORD_FILE, (builder, text) -> builder.tlsKeystorePasswordFile(optionalPath(text))),
            entry(TLS_CERTIFICATE, (builder, text) -> builder.tlsCertificateChain(optionalPath(text))),
            entry(TLS_PRIVATE_KEY, (builder, text) -> builder.tlsPrivateKey(optionalPath(text))),
            entry(MAX_MESSAGE_SIZE, (builder, text) ->
                    builder.maxMessageSize(SizeParser.parse(text, MESSAGE_SIZE_MIN, MESSAGE_SIZE_MAX))),
            entry(CONNECTIONS_PER_IP, (builder, text) -> builder.connectionsPerIp(
                    WholeNumbers.parse(text, CONNECTIONS_PER_IP_MIN, CONNECTIONS_PER_IP_MAX))),
            entry(CONNECTIONS, (builder, text) ->
                    builder.connections(WholeNumbers.parse(text, CONNECTIONS_MIN, CONNECTIONS_MAX))),
            entry(IMAP_LITERAL_SIZE, (builder, text) ->
                    builder.imapLiteralSizeLimit(SizeParser.parse(text, LITERAL_SIZE_MIN, LITERAL_SIZE_MAX))),
            entry(IMAP_PRE_AUTH_LITERAL_SIZE, (builder, text) -> builder.imapPreAuthLiteralSizeLimit(
                    SizeParser.parse(text, PRE_AUTH_LITERAL_SIZE_MIN, PRE_AUTH_LITERAL_SIZE_MAX))),
            entry(IMAP_LITERALS_PER_COMMAND, (builder, text) -> builder.imapMaxLiteralsPerCommand(
                    WholeNumbers.parse(text, LITERALS_PER_COMMAND_MIN, LITERALS_PER_COMMAND_MAX))),
            entry(IMAP_MAX_LINE_LENGTH, (builder, text) ->
                    builder.imapMaxLineLength(WholeNumbers.parse(text, LINE_LENGTH_MIN, LINE_LENGTH_MAX))),
            entry(AUTH_FAILURES_BEFORE_DELAY, (builder, text) -> builder.authFailuresBeforeDelay(
                    WholeNumbers.parse(text, FAILURES_BEFORE_DELAY_MIN, FAILURES_BEFORE_DELAY_MAX))),
            entry(AUTH_MAX_DELAY, (builder, text) ->
                    builder.authMaxDelay(DurationParser.parse(text, AUTH_DELAY_MIN, AUTH_DELAY_MAX))),
            entry(MAX_RECIPIENTS, (builder, text) ->
                    builder.maxRecipients(WholeNumbers.parse(text, MAX_RECIPIENTS_MIN, MAX_RECIPIENTS_MAX))));

    private ValueBindings() {
    }

    /** Tells whether the key is one gateway.properties may contain. */
    static boolean isKnown(String key) {
        return BINDINGS.containsKey(key);
    }

    /** Parses the text for the key and sets it on the builder; throws IllegalArgumentException when malformed. */
    static void apply(String key, String text, GatewaySettings.Builder builder) {
        BINDINGS.get(key).accept(builder, text);
    }

    // For tls.* an empty value means "not configured": the gateway then generates a self-signed certificate.
    private static Path optionalPath(String text) {
        return text.isEmpty() ? null : PathRules.parse(text);
    }
}
