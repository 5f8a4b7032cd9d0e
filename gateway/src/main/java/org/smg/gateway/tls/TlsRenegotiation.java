package org.smg.gateway.tls;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Client-initiated TLS renegotiation is refused on every TLS port. A client that may renegotiate
 * can make the server redo the expensive half of a handshake as often as it likes on one
 * connection (a cheap denial of service), and renegotiation has a history of attacks
 * (CVE-2009-3555). TLS 1.3 has no renegotiation; for TLS 1.2 the JDK refuses it when
 * {@code jdk.tls.rejectClientInitiatedRenegotiation} is {@code true}, a property JSSE reads once,
 * when its server handshake code is first loaded. Hence {@link #refuseClientInitiated()} first
 * thing in {@code main}, and {@link #verify()}, which proves with an in-memory handshake that the
 * JVM really refuses, in case something loaded JSSE earlier (an agent, a launcher).
 */
public final class TlsRenegotiation {
    static final String PROPERTY = "jdk.tls.rejectClientInitiatedRenegotiation";
    private static final int MAX_STEPS = 100;

    private TlsRenegotiation() {
    }

    /** Must run before anything uses TLS. */
    public static void refuseClientInitiated() {
        System.setProperty(PROPERTY, "true");
    }

    /**
     * Handshakes TLS 1.2 between two in-memory engines, then lets the client renegotiate.
     *
     * @throws IllegalStateException when the server side accepts the renegotiation
     */
    public static void verify() throws GeneralSecurityException, IOException {
        SSLContext serverContext = serverContext();
        SSLContext clientContext = SSLContext.getInstance("TLSv1.2");
        clientContext.init(null, new TrustManager[] {new AnyServer()}, null);
        SSLEngine server = serverContext.createSSLEngine();
        server.setUseClientMode(false);
        server.setEnabledProtocols(new String[] {"TLSv1.2"});
        SSLEngine client = clientContext.createSSLEngine("localhost", 0);
        client.setUseClientMode(true);
        client.setEnabledProtocols(new String[] {"TLSv1.2"});
        Exchange exchange = new Exchange(client, server);

        client.beginHandshake();
        exchange.run();
        client.beginHandshake();
        try {
            exchange.run();
        } catch (SSLHandshakeException refused) {
            return;
        }
        throw new IllegalStateException("this JVM accepts client-initiated TLS renegotiation although " + PROPERTY
            + " is set: TLS was loaded before the gateway set it; start the gateway with -D" + PROPERTY + "=true");
    }

    private static SSLContext serverContext() throws GeneralSecurityException, IOException {
        KeyPair keyPair = SelfSignedCertificate.newKeyPair();
        X509Certificate certificate = SelfSignedCertificate.sign("localhost", keyPair);
        char[] password = new char[0];
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        keyStore.load(null, null);
        keyStore.setKeyEntry("check", keyPair.getPrivate(), password, new Certificate[] {certificate});
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keyStore, password);
        SSLContext context = SSLContext.getInstance("TLSv1.2");
        context.init(keyManagers.getKeyManagers(), null, null);
        return context;
    }

    /** Moves TLS records between the two engines until neither has handshake work left. */
    private static final class Exchange {
        private final SSLEngine client;
        private final SSLEngine server;
        private final ByteBuffer toServer = ByteBuffer.allocate(1 << 17);
        private final ByteBuffer toClient = ByteBuffer.allocate(1 << 17);
        private final ByteBuffer application = ByteBuffer.allocate(1 << 17);
        private final ByteBuffer nothing = ByteBuffer.allocate(0);

        Exchange(SSLEngine client, SSLEngine server) {
            this.client = client;
            this.server = server;
        }

        void run() throws SSLException {
            for (int step = 0; step < MAX_STEPS; step++) {
                boolean moved = step(client, toServer, toClient) | step(server, toClient, toServer);
                if (!moved && idle(client) && idle(server)) {
                    return;
                }
            }
            throw new SSLException("the in-memory TLS handshake did not finish");
        }

        private boolean step(SSLEngine engine, ByteBuffer outgoing, ByteBuffer incoming) throws SSLException {
            boolean moved = false;
            if (engine.getHandshakeStatus() == HandshakeStatus.NEED_WRAP) {
                moved = engine.wrap(nothing, outgoing).bytesProduced() > 0;
            }
            incoming.flip();
            if (incoming.hasRemaining()) {
                application.clear();
                moved |= engine.unwrap(incoming, application).bytesConsumed() > 0;
            }
            incoming.compact();
            Runnable task;
            while ((task = engine.getDelegatedTask()) != null) {
                task.run();
                moved = true;
            }
            return moved;
        }

        private static boolean idle(SSLEngine engine) {
            HandshakeStatus status = engine.getHandshakeStatus();
            return status == HandshakeStatus.NOT_HANDSHAKING || status == HandshakeStatus.FINISHED;
        }
    }

    /** The check talks only to its own in-memory server, whose throwaway certificate nobody else sees. */
    private static final class AnyServer implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            throw new UnsupportedOperationException("client side only");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // the peer is the in-memory engine created a moment ago
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
