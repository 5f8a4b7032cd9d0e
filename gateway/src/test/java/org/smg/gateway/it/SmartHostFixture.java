package org.smg.gateway.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A GreenMail SMTPS server (TLS from the first byte: GreenMail 1.6 has no STARTTLS) acting as the
 * gateway's smart host, with a certificate for {@code localhost} only, issued by a test CA that
 * {@link #trustStore()} holds. GreenMail reads its keystore from system properties once per JVM,
 * so the certificates are made once and shared by every test class.
 *
 * <p>For one test class: {@code @RegisterExtension static final SmartHostFixture smartHost =
 * SmartHostFixture.perTestClass();} starts GreenMail on a free port before the class's first test and
 * stops it after its last; {@link #gateway(String)} is a gateway that relays through it.
 */
final class SmartHostFixture implements BeforeAllCallback, AfterAllCallback {
    static final String PASSWORD = "changeit";
    private static final Duration ARRIVAL_TIMEOUT = Duration.ofSeconds(30);
    private static Path directory;

    private final int port;
    private GreenMail greenMail;

    private SmartHostFixture(int port) {
        this.port = port;
    }

    /** A smart host on a free port, started and stopped with the test class that registers it. */
    static SmartHostFixture perTestClass() {
        return new SmartHostFixture(FreePorts.pick(1).get(0));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        greenMail = start(port);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        greenMail.stop();
    }

    int port() {
        return port;
    }

    /** A gateway relaying through this smart host, reached as {@code host} (its certificate names localhost only). */
    GatewayProcess gateway(String host) {
        return gateway(host, port);
    }

    /** Every message received so far, in arrival order. */
    MimeMessage[] received() {
        return greenMail.getReceivedMessages();
    }

    /** The messages received so far whose To header names the address (compared ignoring case). */
    List<MimeMessage> receivedFor(String address) {
        String wanted = address.toLowerCase(Locale.ROOT);
        return Arrays.stream(received()).filter(message -> recipients(message).toLowerCase(Locale.ROOT).contains(wanted)).toList();
    }

    /** Whether the mailbox the smart host keeps for {@code address} holds, now, a message with that subject. */
    boolean holds(String address, String subject) throws FolderException, MessagingException {
        return inMailbox(address, subject) != null;
    }

    /** Waits for the message with that subject in the mailbox the smart host keeps for {@code address}. */
    MimeMessage awaitMessage(String address, String subject) {
        return Awaitility.await().atMost(ARRIVAL_TIMEOUT).until(() -> inMailbox(address, subject), Objects::nonNull);
    }

    private MimeMessage inMailbox(String address, String subject) throws FolderException, MessagingException {
        GreenMailUser user = greenMail.getUserManager().getUserByEmail(address);
        if (user == null) {
            return null;
        }
        for (StoredMessage stored : greenMail.getManagers().getImapHostManager().getInbox(user).getMessages()) {
            if (subject.equals(stored.getMimeMessage().getSubject())) {
                return stored.getMimeMessage();
            }
        }
        return null;
    }

    /** The directory holding ca.pem, server.p12, trust.p12 and trust.password, made on first use. */
    static synchronized Path certificates() {
        if (directory == null) {
            try {
                directory = make(Files.createTempDirectory("smg-smarthost-"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (Exception e) {
                throw new IllegalStateException("cannot make the smart host certificates", e);
            }
            System.setProperty("greenmail.tls.keystore.file", directory.resolve("server.p12").toString());
            System.setProperty("greenmail.tls.keystore.password", PASSWORD);
            System.setProperty("greenmail.tls.key.password", PASSWORD);
        }
        return directory;
    }

    static Path trustStore() {
        return certificates().resolve("trust.p12");
    }

    static Path trustStorePasswordFile() {
        return certificates().resolve("trust.password");
    }

    /** Starts GreenMail SMTPS on 127.0.0.1 at the port, accepting the null reverse-path of DSNs ({@link NullReversePath}). */
    static GreenMail start(int port) {
        certificates();
        NullReversePath.install();
        GreenMail greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS));
        greenMail.start();
        return greenMail;
    }

    /** A gateway whose smart host is this fixture's GreenMail at {@code host:port}, trusted through the test CA. */
    static GatewayProcess gateway(String host, int port) {
        return GatewayProcess.perTestClass()
            .with("outbound.smarthost", host + ":" + port)
            .with("outbound.tls", "implicit")
            .with("outbound.trustStore", trustStore().toString())
            .with("outbound.trustStore.passwordFile", trustStorePasswordFile().toString());
    }

    /** The To header of a message the smart host received, comma-separated ("" when absent). */
    static String recipients(MimeMessage message) {
        try {
            String[] to = message.getHeader("To");
            return to == null ? "" : String.join(",", to);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path make(Path dir) throws Exception {
        run(dir, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem",
            "-days", "2", "-subj", "/CN=SMG Test Smart Host CA",
            "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        run(dir, "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr",
            "-subj", "/CN=localhost");
        Files.writeString(dir.resolve("server.ext"), "subjectAltName=DNS:localhost\nextendedKeyUsage=serverAuth\n");
        run(dir, "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
            "-out", "server.pem", "-days", "2", "-extfile", "server.ext");
        run(dir, "pkcs12", "-export", "-inkey", "server.key", "-in", "server.pem", "-certfile", "ca.pem",
            "-name", "greenmail", "-out", "server.p12", "-passout", "pass:" + PASSWORD);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (InputStream ca = Files.newInputStream(dir.resolve("ca.pem"))) {
            trust.setCertificateEntry("test-ca", CertificateFactory.getInstance("X.509").generateCertificate(ca));
        }
        try (OutputStream out = Files.newOutputStream(dir.resolve("trust.p12"))) {
            trust.store(out, PASSWORD.toCharArray());
        }
        Path password = dir.resolve("trust.password");
        Files.writeString(password, PASSWORD);
        Files.setPosixFilePermissions(password, PosixFilePermissions.fromString("rw-------"));
        return dir;
    }

    /** Runs openssl and fails with its output when the file named after {@code -out} was not written. */
    private static void run(Path dir, String... arguments) throws Exception {
        String output = Openssl.run(dir, arguments);
        String written = arguments[List.of(arguments).indexOf("-out") + 1];
        if (!Files.exists(dir.resolve(written))) {
            throw new IllegalStateException("openssl " + String.join(" ", arguments) + ": " + output);
        }
    }
}
