package org.smg.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import javax.activation.DataHandler;
import javax.mail.BodyPart;
import javax.mail.Message;
import javax.mail.Multipart;
import javax.mail.Session;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeBodyPart;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;
import javax.mail.util.ByteArrayDataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smg.gateway.secrets.SecretFiles;
import org.smg.gateway.storage.EncryptedDerbyDatabase;

/**
 * Mail content never lies in the data directory (which holds the JVM's temporary directory) in a
 * readable form: not after an orderly stop, not after SIGKILL with mail still queued, and not
 * after a restart that follows SIGKILL in the middle of a large message. Nor does it reach the log.
 */
class NoPlaintextAtRestIntegrationTest {
    private static final int QUEUED_MAILS = 20;

    @TempDir
    Path root;

    private final String token = randomToken();

    @Test
    void dataDirectoryShouldHoldNoReadableMailContentWhenGatewayIsStopped() throws Exception {
        GatewayProcess gateway = GatewayProcess.in(root).start();
        try {
            send(gateway, 1);
            awaitDeliveredIntact(gateway);
        } finally {
            gateway.stop();
        }

        assertThat(PlaintextScan.forToken(token).findings(gateway.dataDirectory())).isEmpty();
        assertThat(gateway.output()).doesNotContain(token);
        assertThat(count(gateway, "SMG_RECORD")).as("the delivered mail is kept in the records store too").isPositive();
    }

    @Test
    void dataDirectoryShouldHoldNoReadableMailContentWhenJvmIsKilledWithMailQueued() throws Exception {
        GatewayProcess gateway = GatewayProcess.in(root).start();
        send(gateway, 1);
        awaitDeliveredIntact(gateway);

        send(gateway, QUEUED_MAILS);
        gateway.kill();

        assertThat(PlaintextScan.forToken(token).findings(gateway.dataDirectory())).isEmpty();
        assertThat(gateway.output()).doesNotContain(token);
        assertThat(queuedMails(gateway)).as("mails still queued when the JVM died").isPositive();
    }

    @Test
    void largeMessageBeingReceivedShouldBeEncryptedOnDiskAndGoneAfterRestartWhenJvmIsKilled() throws Exception {
        GatewayProcess gateway = GatewayProcess.in(root).start();
        Path temporary = gateway.dataDirectory().resolve("tmp");
        try (SmtpConversation smtp = SmtpConversation.open(gateway.relayPort())) {
            smtp.reply();
            smtp.command("EHLO staff-mta.test");
            assertThat(smtp.command("MAIL FROM:<sender@staff.example>")).startsWith("250");
            assertThat(smtp.command("RCPT TO:<" + gateway.demoAddress() + ">")).startsWith("250");
            assertThat(smtp.command("DATA")).startsWith("354");
            // Past James's 100 KiB in-memory threshold, and never ended with a dot.
            smtp.send("Subject: Case file " + token + "\r\n\r\n" + ("Case file " + token + " line of a large message\r\n").repeat(4000));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(spooledBytes(temporary)).as("the message being received is spooled in <data>/tmp").isGreaterThan(100_000));
            assertThat(PlaintextScan.forToken(token).findings(temporary)).as("the spool is encrypted").isEmpty();
            assertThat(Files.getPosixFilePermissions(temporary)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
            gateway.kill();
        }

        gateway.start();
        gateway.stop();

        assertThat(PlaintextScan.forToken(token).findings(gateway.dataDirectory())).isEmpty();
        assertThat(gateway.output()).contains("temporary files left by an earlier run").doesNotContain(token);
    }

    @Test
    void refusedMailKeptInQuarantineShouldNotBeReadableOnDisk() throws Exception {
        GatewayProcess gateway = GatewayProcess.in(root).start();
        String reply;
        try (SmtpConversation smtp = SmtpConversation.open(gateway.relayPort())) {
            smtp.reply();
            smtp.command("EHLO staff-mta.test");
            // Text named as a PDF: refused, and kept in quarantine with its subject, body and attachment.
            reply = smtp.mail("sender@staff.example", gateway.demoAddress(),
                AttachedMessage.from("sender@staff.example", gateway.demoAddress(), "Case file " + token)
                    .attach("case-" + token + ".pdf", ("Case file " + token + "\r\n").repeat(100).getBytes(StandardCharsets.US_ASCII))
                    .raw());
        } finally {
            gateway.stop();
        }

        assertThat(reply).startsWith("554 5.7.1");
        assertThat(PlaintextScan.forToken(token).findings(gateway.dataDirectory())).isEmpty();
        assertThat(gateway.output()).doesNotContain(token);
    }

    private static long spooledBytes(Path directory) throws Exception {
        try (java.util.stream.Stream<Path> files = Files.list(directory)) {
            long total = 0;
            for (Path file : (Iterable<Path>) files::iterator) {
                total += Files.size(file);
            }
            return total;
        }
    }

    private void send(GatewayProcess gateway, int count) throws Exception {
        String message = message(gateway.demoAddress());
        try (SmtpConversation smtp = SmtpConversation.open(gateway.relayPort())) {
            smtp.reply();
            smtp.command("EHLO staff-mta.test");
            for (int i = 0; i < count; i++) {
                assertThat(smtp.mail("sender@staff.example", gateway.demoAddress(), message)).startsWith("250");
            }
        }
    }

    /** Reads the mail back over IMAPS: the token is in the subject, the body and both attachments. */
    private void awaitDeliveredIntact(GatewayProcess gateway) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            List<String> parts = MailClients.readInbox(gateway.imapsPort(), gateway.demoAddress(), gateway.demoPassword(), inbox -> {
                List<String> texts = new ArrayList<>();
                for (Message message : inbox.getMessages()) {
                    texts.add(message.getSubject());
                    Multipart multipart = (Multipart) message.getContent();
                    for (int i = 0; i < multipart.getCount(); i++) {
                        texts.add(new String(multipart.getBodyPart(i).getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1));
                    }
                }
                return texts;
            });
            assertThat(parts).hasSize(4).allSatisfy(part -> assertThat(part).contains(token));
        });
    }

    /** Subject, text body, a quoted-printable text attachment and a base64 binary (JPEG) attachment, all with the token. */
    private String message(String recipient) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress("sender@staff.example"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(recipient));
        message.setSubject("Case file " + token);
        MimeBodyPart body = new MimeBodyPart();
        body.setText("Please find the case file " + token + " attached.\r\n", "UTF-8");
        MimeBodyPart text = attachment("notes.txt", "text/plain; charset=UTF-8", "quoted-printable",
            ("Notes \u00e9 = " + token + " = \u00e9 end\r\n").getBytes(StandardCharsets.UTF_8));
        MimeBodyPart binary = attachment("scan.jpg", "image/jpeg", "base64", binaryWith(token));
        Multipart multipart = new MimeMultipart(body, text, binary);
        message.setContent(multipart);
        message.saveChanges();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toString(StandardCharsets.US_ASCII);
    }

    private static MimeBodyPart attachment(String fileName, String type, String encoding, byte[] content) throws Exception {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(content, type)));
        part.setFileName(fileName);
        part.setHeader("Content-Transfer-Encoding", encoding);
        return part;
    }

    /** Random bytes around three copies of the token, at each offset modulo 3. */
    private static byte[] binaryWith(String token) {
        SecureRandom random = new SecureRandom();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // A JPEG's start (SOI, JFIF APP0): the attachment policy takes the type from these bytes, and allows JPEG.
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0x00});
        for (int copy = 0; copy < 3; copy++) {
            byte[] noise = new byte[100 + copy];
            random.nextBytes(noise);
            out.writeBytes(noise);
            out.writeBytes(token.getBytes(StandardCharsets.US_ASCII));
        }
        return out.toByteArray();
    }

    /** Opens the killed gateway's database with its secret and counts what was still queued. */
    private static long queuedMails(GatewayProcess gateway) throws Exception {
        return count(gateway, "SMG_MAIL_QUEUE");
    }

    /** Opens the stopped gateway's database with its secret and counts the rows of one of the gateway's tables. */
    private static long count(GatewayProcess gateway, String table) throws Exception {
        try (EncryptedDerbyDatabase database = EncryptedDerbyDatabase.open(gateway.dataDirectory().resolve("db"),
                SecretFiles.read(gateway.secretsDirectory().resolve("storage.secret")));
             Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            count.next();
            return count.getLong(1);
        }
    }

    private static String randomToken() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder token = new StringBuilder("tok");
        for (int i = 0; i < 24; i++) {
            token.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return token.toString();
    }
}
