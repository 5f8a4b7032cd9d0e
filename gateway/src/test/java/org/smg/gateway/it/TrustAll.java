package org.smg.gateway.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/** TLS for raw test clients: trusts the test gateway's self-signed certificate (and any other). Test code only. */
final class TrustAll {
    private TrustAll() {
    }

    static SSLContext sslContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new AcceptingTrustManager()}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Connects with implicit TLS and completes the handshake. */
    static SSLSocket connect(int port) throws IOException {
        SSLSocket socket = (SSLSocket) sslContext().getSocketFactory().createSocket("127.0.0.1", port);
        socket.startHandshake();
        return socket;
    }

    /** Connects with implicit TLS from a chosen loopback address, e.g. 127.0.0.2, and completes the handshake. */
    static SSLSocket connectFrom(String localAddress, int port) throws IOException {
        SSLSocket socket = (SSLSocket) sslContext().getSocketFactory()
            .createSocket(InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName(localAddress), 0);
        socket.startHandshake();
        return socket;
    }

    /** Upgrades an established plain connection after STARTTLS and completes the handshake. */
    static SSLSocket upgrade(Socket plain) throws IOException {
        SSLSocket socket = (SSLSocket) sslContext().getSocketFactory()
            .createSocket(plain, "127.0.0.1", plain.getPort(), true);
        socket.setUseClientMode(true);
        socket.startHandshake();
        return socket;
    }

    /** Extended, so that the JDK does not wrap it with a host name check (java.net.http.HttpClient asks for one). */
    private static final class AcceptingTrustManager extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
