package org.smg.gateway.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * A server {@link SSLContext} for listeners James does not build itself (the citizen web server),
 * from the same {@link ServerIdentity} the mail ports present: the PKCS#12 keystore, or the PEM
 * certificate chain and private key (PKCS#8 or the traditional EC/RSA forms). Which versions and
 * suites it may negotiate is set by the listener, from {@link TlsProtocols}.
 */
public final class ServerSslContext {
    private static final char[] IN_MEMORY_PASSWORD = new char[0];

    private ServerSslContext() {
    }

    public static SSLContext of(ServerIdentity identity) throws TlsIdentityException {
        try {
            KeyStore keys = identity.keystore().isPresent() ? pkcs12(identity) : pem(identity);
            char[] password = identity.keystore().isPresent() ? identity.keystorePassword().orElseThrow().reveal().toCharArray() : IN_MEMORY_PASSWORD;
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keys, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers.getKeyManagers(), null, new SecureRandom());
            return context;
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new TlsIdentityException("cannot build the web server's TLS context: " + e.getMessage(), e);
        }
    }

    private static KeyStore pkcs12(ServerIdentity identity) throws IOException, GeneralSecurityException {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(identity.keystore().orElseThrow())) {
            keys.load(in, identity.keystorePassword().orElseThrow().reveal().toCharArray());
        }
        return keys;
    }

    private static KeyStore pem(ServerIdentity identity) throws IOException, GeneralSecurityException {
        Collection<? extends Certificate> chain;
        try (InputStream in = Files.newInputStream(identity.certificateChain().orElseThrow())) {
            chain = CertificateFactory.getInstance("X.509").generateCertificates(in);
        }
        if (chain.isEmpty()) {
            throw new GeneralSecurityException("no certificate in " + identity.certificateChain().get());
        }
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("server", privateKey(identity.privateKey().orElseThrow()), IN_MEMORY_PASSWORD, chain.toArray(Certificate[]::new));
        return keys;
    }

    private static PrivateKey privateKey(Path file) throws IOException, GeneralSecurityException {
        Object parsed;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser parser = new PEMParser(reader)) {
            parsed = parser.readObject();
        }
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        if (parsed instanceof PrivateKeyInfo info) {
            return converter.getPrivateKey(info);
        }
        if (parsed instanceof PEMKeyPair pair) {
            return converter.getKeyPair(pair).getPrivate();
        }
        // Never print the file: it holds the key.
        throw new GeneralSecurityException("no unencrypted private key found in " + file.getFileName());
    }
}
