package org.smg.gateway.james;

import java.nio.file.Path;
import java.util.List;

import org.smg.gateway.tls.ServerIdentity;
import org.smg.gateway.tls.TlsProtocols;

/**
 * The {@code <tls>} element of every James listener: the server identity, TLS 1.2 and 1.3 only,
 * and AEAD cipher suites with forward secrecy only ({@link TlsProtocols}, shared with the web server).
 */
final class TlsXml {
    static final List<String> PROTOCOLS = TlsProtocols.PROTOCOLS;
    static final List<String> CIPHER_SUITES = TlsProtocols.CIPHER_SUITES;

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
