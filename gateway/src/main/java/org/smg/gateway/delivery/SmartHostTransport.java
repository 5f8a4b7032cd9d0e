package org.smg.gateway.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Collection;
import java.util.Optional;
import java.util.Properties;

import javax.mail.Address;
import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.Transport;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.smg.gateway.secrets.Secret;
import org.smg.gateway.secrets.SecretFiles;
import org.smg.policies.settings.OutboundSettings;
import org.smg.policies.settings.OutboundTls;
import org.smg.policies.settings.SmartHost;

/**
 * One SMTP connection per mail to the configured smart host. TLS is never optional unless the
 * smart host is on loopback: STARTTLS is required (or TLS from the first byte), the chain must lead
 * to the configured trust store or the JVM's system trust, and the host name must match the
 * certificate. The trust store and AUTH secrets are read once, at start-up.
 */
public final class SmartHostTransport {
    private static final String TIMEOUT_MILLIS = "60000";

    private final SmartHost host;
    private final Properties properties;
    private final String protocol;
    private final Optional<Secret> username;
    private final Optional<Secret> password;

    private SmartHostTransport(SmartHost host, Properties properties, String protocol, Optional<Secret> username,
                               Optional<Secret> password) {
        this.host = host;
        this.properties = properties;
        this.protocol = protocol;
        this.username = username;
        this.password = password;
    }

    /** The transport for the configured smart host, or empty when outbound mail is to be held. */
    public static Optional<SmartHostTransport> create(OutboundSettings settings, String heloName)
            throws OutboundConfigurationException {
        if (settings.smartHost().isEmpty()) {
            return Optional.empty();
        }
        SmartHost host = settings.smartHost().get();
        boolean implicit = settings.tls() == OutboundTls.IMPLICIT;
        String protocol = implicit ? "smtps" : "smtp";
        String prefix = "mail." + protocol + ".";
        Properties properties = new Properties();
        properties.put(prefix + "host", host.host());
        properties.put(prefix + "port", String.valueOf(host.port()));
        properties.put(prefix + "localhost", heloName);
        properties.put(prefix + "connectiontimeout", TIMEOUT_MILLIS);
        properties.put(prefix + "timeout", TIMEOUT_MILLIS);
        properties.put(prefix + "writetimeout", TIMEOUT_MILLIS);
        properties.put(prefix + "ssl.socketFactory", socketFactory(settings));
        properties.put(prefix + "ssl.checkserveridentity", "true");
        // Without this, JavaMail answers a failed handshake by trying again with the JVM's default
        // factory: the configured trust store and our host name check would be bypassed.
        properties.put(prefix + "socketFactory.fallback", "false");
        if (implicit) {
            properties.put(prefix + "ssl.enable", "true");
        } else {
            properties.put(prefix + "starttls.enable", "true");
            properties.put(prefix + "starttls.required", String.valueOf(!host.isLoopback()));
        }
        Optional<Secret> username = secret(settings.usernameFile(), "outbound.auth.usernameFile");
        Optional<Secret> password = secret(settings.passwordFile(), "outbound.auth.passwordFile");
        properties.put(prefix + "auth", String.valueOf(username.isPresent()));
        return Optional.of(new SmartHostTransport(host, properties, protocol, username, password));
    }

    private static SSLSocketFactory socketFactory(OutboundSettings settings) throws OutboundConfigurationException {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trustStore(settings).orElse(null));
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return new VerifyingSocketFactory(context.getSocketFactory());
        } catch (GeneralSecurityException e) {
            throw new OutboundConfigurationException("outbound.trustStore: cannot build the TLS trust (" + e.getMessage() + ")", e);
        }
    }

    private static Optional<KeyStore> trustStore(OutboundSettings settings) throws OutboundConfigurationException {
        if (settings.trustStore().isEmpty()) {
            return Optional.empty();
        }
        Path file = settings.trustStore().get();
        char[] password = secret(settings.trustStorePasswordFile(), "outbound.trustStore.passwordFile")
            .map(secret -> secret.reveal().toCharArray())
            .orElse(null);
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            if (store.size() == 0) {
                throw new OutboundConfigurationException("outbound.trustStore: '" + file
                    + "' holds no certificate; expected a PKCS#12 trust store of CA certificates", null);
            }
            return Optional.of(store);
        } catch (IOException | GeneralSecurityException e) {
            throw new OutboundConfigurationException("outbound.trustStore: cannot read '" + file
                + "' (" + e.getMessage() + "); expected a PKCS#12 trust store of CA certificates", e);
        }
    }

    private static Optional<Secret> secret(Optional<Path> file, String key) throws OutboundConfigurationException {
        if (file.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(SecretFiles.read(file.get()));
        } catch (IOException e) {
            throw new OutboundConfigurationException(key + ": " + e.getMessage(), e);
        }
    }

    /** host:port, for logs and audit details. */
    public String describe() {
        return host.toString();
    }

    /** Sends the message to the recipients with this envelope sender; throws on any failure, TLS included. */
    void send(MimeMessage message, MaybeSender sender, Collection<MailAddress> recipients) throws MessagingException {
        Properties perMail = new Properties();
        perMail.putAll(properties);
        // "<>" is JavaMail's way to write the null reverse-path of a DSN; empty would fall back to From:.
        perMail.put("mail." + protocol + ".from", sender.asOptional().map(MailAddress::asString).orElse("<>"));
        Session session = Session.getInstance(perMail);
        Address[] to = new Address[recipients.size()];
        int i = 0;
        for (MailAddress recipient : recipients) {
            to[i++] = new InternetAddress(recipient.asString());
        }
        try (Transport transport = session.getTransport(protocol)) {
            if (username.isPresent()) {
                transport.connect(host.host(), host.port(), username.get().reveal(), password.orElseThrow().reveal());
            } else {
                transport.connect();
            }
            // Written without parsing the body: a header changed on the way must not load the whole message.
            transport.sendMessage(HeaderChangedMessage.of(message), to);
        }
    }
}
