package org.smg.gateway.quarantine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.james.server.core.MimeMessageSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smg.gateway.attachments.RefusalReason;
import org.smg.gateway.audit.AuditTrails;

class QuarantineStoreTest {
    @TempDir
    static Path directory;
    private static QuarantineWorld world;

    @BeforeAll
    static void openDatabase() throws Exception {
        world = QuarantineWorld.open(directory);
    }

    @AfterAll
    static void closeDatabase() {
        world.close();
    }

    @BeforeEach
    void emptyQuarantine() throws Exception {
        world.clear();
    }

    @Test
    void putShouldStoreAMultiMegabyteMessageThatReadsBackByteForByteWhenStreamed() throws Exception {
        GeneratedMessage message = new GeneratedMessage("Large", "tok" + UUID.randomUUID(), 12);

        String id = world.store.put(QuarantineWorld.mail("mail-large", message), List.of(QuarantineWorld.VIRUS), QuarantineStore.STAGE_SMTP);

        assertThat(id).matches("[A-Za-z0-9_-]{22}");
        assertThat(GeneratedMessage.digest(world.store.content(id).orElseThrow())).isEqualTo(message.digest());
        assertThat(world.store.get(id).orElseThrow().size()).isEqualTo(message.getMessageSize());
    }

    @Test
    void getShouldReturnTheEnvelopeRefusalsAndStateWithoutTheMessage() throws Exception {
        Instant before = Instant.now().minusMillis(1);

        String id = world.quarantine("mail-meta", "tok", QuarantineWorld.VIRUS, QuarantineWorld.TYPE);

        QuarantinedMail record = world.store.get(id).orElseThrow();
        assertThat(record.id()).isEqualTo(id);
        assertThat(record.quarantinedAt()).isAfter(before);
        assertThat(record.mailName()).isEqualTo("mail-meta");
        assertThat(record.sender()).isEqualTo("sender@staff.test");
        assertThat(record.recipients()).containsExactly("citizen@gateway.test", "other@gateway.test");
        assertThat(record.remoteAddress()).contains("192.0.2.10");
        assertThat(record.authUser()).contains("staff@staff.test");
        assertThat(record.stage()).isEqualTo(QuarantineStore.STAGE_SMTP);
        assertThat(record.refusals()).extracting(refusal -> refusal.reason() + " " + refusal.fileName() + " " + refusal.explanation())
            .containsExactly("VIRUS invoice.pdf a virus was found (Eicar-Signature)", "TYPE_NOT_ALLOWED tool.exe an executable is not an allowed type");
        assertThat(record.state()).isEqualTo(QuarantineState.HELD);
        assertThat(record.decidedAt()).isEmpty();
    }

    @Test
    void putShouldAppendAMailQuarantinedEntryWithIdsAndReasonsButNoContent() throws Exception {
        String token = "tok" + UUID.randomUUID();

        String id = world.quarantine("mail-audited", token, QuarantineWorld.VIRUS);

        assertThat(AuditTrails.exportAll(world.audit)).anySatisfy(line -> assertThat(line)
            .contains("\"action\":\"MAIL_QUARANTINED\"", "\"objectId\":\"mail-audited\"", "id=" + id, "stage=smtp", "reasons=virus",
                "recipients=2")
            .doesNotContain(token).doesNotContain("invoice.pdf"));
    }

    @Test
    void putShouldStoreNothingWhenTheMessageCannotBeReadToItsEnd() throws Exception {
        MimeMessageSource failing = new GeneratedMessage("Broken", "tok", 1) {
            @Override
            public InputStream getInputStream() {
                InputStream start = super.getInputStream();
                return new InputStream() {
                    private int read;

                    @Override
                    public int read() throws IOException {
                        if (++read > 200_000) {
                            throw new IOException("disk gone");
                        }
                        return start.read();
                    }
                };
            }
        };

        assertThatThrownBy(() -> world.store.put(QuarantineWorld.mail("mail-broken", failing),
            List.of(QuarantineWorld.VIRUS), QuarantineStore.STAGE_PIPELINE))
            .isInstanceOf(QuarantineException.class).hasMessageContaining("mail-broken");

        assertThat(world.store.list(QuarantineFilter.ALL)).isEmpty();
    }

    @Test
    void putShouldRefuseAnUnknownStageOrNoRefusal() {
        assertThatThrownBy(() -> world.store.put(QuarantineWorld.mail("m", new GeneratedMessage("s", "t", 1)),
            List.of(QuarantineWorld.VIRUS), "later")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stage");
        assertThatThrownBy(() -> world.store.put(QuarantineWorld.mail("m", new GeneratedMessage("s", "t", 1)),
            List.of(), QuarantineStore.STAGE_SMTP)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("refusal");
    }

    @Test
    void listShouldFilterByStateReasonAndTimeNewestFirst() throws Exception {
        String first = world.quarantine("mail-1", "t1", QuarantineWorld.VIRUS);
        Thread.sleep(5);
        String second = world.quarantine("mail-2", "t2", QuarantineWorld.TYPE);
        world.store.delete(first, "admin:test");

        List<QuarantinedMail> all = world.store.list(QuarantineFilter.ALL);
        List<QuarantinedMail> held = world.store.list(new QuarantineFilter(Optional.of(QuarantineState.HELD), Optional.empty(),
            Optional.empty(), Optional.empty()));
        List<QuarantinedMail> viruses = world.store.list(new QuarantineFilter(Optional.empty(), Optional.of(RefusalReason.VIRUS),
            Optional.empty(), Optional.empty()));
        List<QuarantinedMail> future = world.store.list(new QuarantineFilter(Optional.empty(), Optional.empty(),
            Optional.of(Instant.now().plusSeconds(60)), Optional.empty()));

        assertThat(all).extracting(QuarantinedMail::id).containsExactly(second, first);
        assertThat(held).extracting(QuarantinedMail::id).containsExactly(second);
        assertThat(viruses).extracting(QuarantinedMail::id).containsExactly(first);
        assertThat(future).isEmpty();
    }

    @Test
    void deleteShouldDropTheMessageAndKeepTheRecordWithWhoDecided() throws Exception {
        String id = world.quarantine("mail-del", "tok", QuarantineWorld.VIRUS);

        boolean deleted = world.store.delete(id, "admin:alice");
        boolean again = world.store.delete(id, "admin:bob");

        assertThat(deleted).isTrue();
        assertThat(again).isFalse();
        QuarantinedMail record = world.store.get(id).orElseThrow();
        assertThat(record.state()).isEqualTo(QuarantineState.DELETED);
        assertThat(record.decidedBy()).contains("admin:alice");
        assertThat(record.decidedAt()).isPresent();
        assertThat(world.store.content(id)).isEmpty();
        assertThat(world.store.mail(record)).isEmpty();
    }

    @Test
    void mailShouldRebuildTheEnvelopeAndStreamTheStoredMessage() throws Exception {
        GeneratedMessage message = new GeneratedMessage("Rebuilt", "tok", 2);
        String id = world.store.put(QuarantineWorld.mail("mail-rebuilt", message), List.of(QuarantineWorld.VIRUS), QuarantineStore.STAGE_PIPELINE);

        org.apache.mailet.Mail mail = world.store.mail(world.store.get(id).orElseThrow()).orElseThrow();

        assertThat(mail.getName()).isEqualTo("mail-rebuilt");
        assertThat(mail.getMaybeSender().asString()).isEqualTo("sender@staff.test");
        assertThat(mail.getRecipients()).extracting(Object::toString).containsExactly("citizen@gateway.test", "other@gateway.test");
        assertThat(mail.getRemoteAddr()).isEqualTo("192.0.2.10");
        assertThat(GeneratedMessage.digest(mail.getMessage())).isEqualTo(message.digest());
    }

    @Test
    void databaseFilesShouldHoldNoReadableMessageWhenAMailIsQuarantined() throws Exception {
        Path own = directory.resolve("canary");
        String token = "CANARY" + UUID.randomUUID().toString().replace("-", "");
        try (QuarantineWorld canary = QuarantineWorld.open(own)) {
            canary.store.put(QuarantineWorld.mail("mail-canary", new GeneratedMessage("Case " + token, token, 3)),
                List.of(new org.smg.gateway.attachments.Refusal(token + ".pdf", RefusalReason.VIRUS, "virus in " + token)),
                QuarantineStore.STAGE_SMTP);

            assertThat(filesContaining(own, token)).as("while the database is open").isEmpty();
        }

        assertThat(filesContaining(own, token)).as("after it is closed").isEmpty();
    }

    private static List<Path> filesContaining(Path root, String text) throws IOException {
        byte[] needle = text.getBytes(StandardCharsets.US_ASCII);
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).filter(file -> contains(file, needle)).toList();
        }
    }

    private static boolean contains(Path file, byte[] needle) {
        try {
            byte[] haystack = Files.readAllBytes(file);
            outer:
            for (int i = 0; i + needle.length <= haystack.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (haystack[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }
}
