package org.smg.gateway.james;

import java.nio.file.Path;
import java.util.List;

import org.smg.gateway.tls.ServerIdentity;

/**
 * The {@code <tls>} element of every James listener: the server identity, TLS 1.2 and 1.3 only,
 * and AEAD cipher suites with forward secrecy only. Not configurable on purpose.
 */
final class TlsXml {
    static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");
    static final List<String> CIPHER_SUITES = List.of(
        "TLS_AES_256_GCM_SHA384",
        "TLS_AES_128_GCM_SHA256",
        "TLS_CHACHA20_POLY1305_SHA256",
        "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
        "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
        "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
        "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
        "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
        "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

    private TlsXml() {
    }

    static Xml tls(ServerIdentity identity, boolean implicit) {
        Xml xml = new Xml().open("tls", "socketTLS", String.valueOf(implicit), "startTLS", String.valueOf(!implicit));
        if (identity.keystore().isPresent()) {
            xml.element("keystore", fileUrl(identity.keystore().get()))
                .element("keystoreType", "PKCS12")
                .element("secret", identity.keystorePassword().orElseThrow().reveal());
        } else {
            xml.element("privateKey", fileUrl(identity.privateKey().orElseThrow()))
                .element("certificates", fileUrl(identity.certificateChain().orElseThrow()));
        }
        xml.open("supportedProtocols");
        PROTOCOLS.forEach(protocol -> xml.element("protocol", protocol));
        xml.close("supportedProtocols").open("supportedCipherSuites");
        CIPHER_SUITES.forEach(suite -> xml.element("cipherSuite", suite));
        return xml.close("supportedCipherSuites").close("tls");
    }

    private static String fileUrl(Path path) {
        return "file://" + path.toAbsolutePath();
    }
}
