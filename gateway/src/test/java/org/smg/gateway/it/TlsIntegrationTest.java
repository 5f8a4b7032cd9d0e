package org.smg.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What an independent TLS client (the openssl binary) can negotiate: TLS 1.2 and 1.3 only, and
 * no non-AEAD cipher suite, on the implicit-TLS ports and after STARTTLS.
 * Old-protocol and weak-suite probes lower OpenSSL's own security level to 0, so that a failed
 * handshake proves that the gateway refused, not the local OpenSSL configuration.
 */
class TlsIntegrationTest {
    private static final String ESTABLISHED = "CONNECTION ESTABLISHED";

    @RegisterExtension
    static final GatewayProcess gateway = GatewayProcess.perTestClass();

    @BeforeAll
    static void requireOpenssl() {
        assertThat(Openssl.available()).as("the openssl binary is needed; ./test.sh installs it").isTrue();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"imaps, -tls1", "imaps, -tls1_1", "smtps, -tls1", "smtps, -tls1_1", "web, -tls1", "web, -tls1_1"})
    void handshakeShouldBeRefusedWhenClientOffersOnlyTls10Or11(String service, String protocol) throws Exception {

        String output = Openssl.sClient(port(service), protocol, "-cipher", "DEFAULT:@SECLEVEL=0");

        assertThat(output).doesNotContain(ESTABLISHED).contains("alert protocol version");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"imaps, -tls1_2, TLSv1.2", "imaps, -tls1_3, TLSv1.3", "smtps, -tls1_2, TLSv1.2", "smtps, -tls1_3, TLSv1.3",
        "web, -tls1_2, TLSv1.2", "web, -tls1_3, TLSv1.3"})
    void handshakeShouldSucceedWhenClientOffersTls12Or13(String service, String protocol, String negotiated) throws Exception {

        String output = Openssl.sClient(port(service), protocol);

        assertThat(output).contains(ESTABLISHED).contains("Protocol version: " + negotiated);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"submission, smtp", "imap, imap"})
    void startTlsShouldNegotiateTls12OrNewerWhenClientUpgradesPlainConnection(String service, String starttls) throws Exception {

        String output = Openssl.sClient(port(service), "-starttls", starttls);

        assertThat(output).contains(ESTABLISHED).containsPattern("Protocol version: TLSv1\\.[23]");
    }

    /**
     * ECDHE-ECDSA-AES128-SHA (CBC, SHA-1 MAC) fits the gateway's ECDSA certificate and is enabled
     * in the JDK by default, so only the gateway's suite list can refuse it; AES128-SHA (RSA key
     * exchange, CBC) is refused as well.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ECDHE-ECDSA-AES128-SHA", "AES128-SHA"})
    void handshakeShouldBeRefusedWhenClientOffersOnlyNonAeadSuite(String suite) throws Exception {

        String imaps = Openssl.sClient(port("imaps"), "-tls1_2", "-cipher", suite + ":@SECLEVEL=0");
        String smtps = Openssl.sClient(port("smtps"), "-tls1_2", "-cipher", suite + ":@SECLEVEL=0");
        String web = Openssl.sClient(port("web"), "-tls1_2", "-cipher", suite + ":@SECLEVEL=0");

        assertThat(imaps).doesNotContain(ESTABLISHED).contains("alert handshake failure");
        assertThat(smtps).doesNotContain(ESTABLISHED).contains("alert handshake failure");
        assertThat(web).doesNotContain(ESTABLISHED).contains("alert handshake failure");
    }

    /**
     * The client asks for a new handshake (s_client's {@code R}) on an established TLS 1.2 session:
     * the gateway answers with a fatal alert and closes the connection, on the implicit-TLS ports
     * and after STARTTLS. TLS 1.3 has no renegotiation at all.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"imaps, ''", "smtps, ''", "web, ''", "submission, smtp", "imap, imap"})
    void renegotiationShouldBeRefusedWhenClientInitiatesItOnTls12(String service, String starttls) throws Exception {
        String[] options = starttls.isEmpty() ? new String[] {"-tls1_2"} : new String[] {"-tls1_2", "-starttls", starttls};

        Openssl.Renegotiation result = Openssl.renegotiate(port(service), options);

        assertThat(result.output()).contains(ESTABLISHED).contains("Protocol version: TLSv1.2").contains("RENEGOTIATING");
        assertThat(result.closedByServer()).as("connection closed by the gateway:\n" + result.output()).isTrue();
        // The fatal alert is what the JDK sends; on a busy machine s_client may see the reset of the
        // closed connection before it reads the alert. An allowed renegotiation leaves the session open.
        assertThat(result.output()).containsAnyOf("alert handshake failure", "Connection reset", "errno=104", "errno=32");
    }

    private static int port(String service) {
        return switch (service) {
            case "imaps" -> gateway.imapsPort();
            case "smtps" -> gateway.smtpsPort();
            case "submission" -> gateway.submissionPort();
            case "imap" -> gateway.imapPort();
            case "web" -> gateway.webPort();
            default -> throw new IllegalArgumentException(service);
        };
    }

    /** Runs {@code openssl s_client -brief} with an empty stdin, so it ends right after the handshake. */
}
