package org.smg.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smg.mailets.audit.AuditAction;

class AuditExportTest {
    @TempDir
    static Path directory;

    private static AuditDatabase db;
    private AuditTrail trail;

    @BeforeEach
    void open() throws Exception {
        trail = db.reset();
    }

    @BeforeAll
    static void openDatabase() throws Exception {
        db = AuditDatabase.open(directory);
    }

    @AfterAll
    static void closeDatabase() {
        db.close();
    }

    @Test
    void writeShouldGiveOneJsonObjectPerEntryWithTheDocumentedFieldsWhenInRange() throws Exception {
        db.clock.set(Instant.parse("2024-05-01T08:00:00Z"));
        AuditEntry entry = trail.record("mta:192.0.2.7", AuditAction.MAIL_ACCEPTED, "Mail1", "accepted", "recipients=1 size=312");

        List<String> lines = export("2024-05-01T00:00:00Z", "2024-05-02T00:00:00Z");

        assertThat(lines).containsExactly("{\"sequence\":1,\"time\":\"2024-05-01T08:00:00.000Z\",\"actor\":\"mta:192.0.2.7\","
            + "\"action\":\"MAIL_ACCEPTED\",\"objectId\":\"Mail1\",\"outcome\":\"accepted\",\"detail\":\"recipients=1 size=312\","
            + "\"prevHash\":\"" + "0".repeat(64) + "\",\"hash\":\"" + entry.hash() + "\"}");
    }

    @Test
    void writeShouldIncludeFromAndExcludeToWhenEntriesSitOnTheBounds() throws Exception {
        for (String time : new String[] {"2024-05-01T07:59:59.999Z", "2024-05-01T08:00:00Z", "2024-05-01T08:59:59.999Z", "2024-05-01T09:00:00Z"}) {
            db.clock.set(Instant.parse(time));
            trail.record("system", AuditAction.MAIL_HELD, "Mail-" + time, "error", "");
        }

        List<String> lines = export("2024-05-01T08:00:00Z", "2024-05-01T09:00:00Z");

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains("\"sequence\":2,", "\"time\":\"2024-05-01T08:00:00.000Z\"");
        assertThat(lines.get(1)).contains("\"sequence\":3,", "\"time\":\"2024-05-01T08:59:59.999Z\"");
    }

    @Test
    void writeShouldEscapeEveryCharacterThatCouldBreakALineWhenARowWasEditedInTheDatabase() throws Exception {
        trail.record("system", AuditAction.MAIL_HELD, "Mail1", "error", "");

        db.sql("UPDATE SMG_AUDIT SET OBJECT_ID = ? WHERE SEQ = 1", "a\"b\\c\nd\re\tf\u0000g\u2028h\u2029i\u007Fj");
        List<String> lines = export("2024-01-01T00:00:00Z", "2025-01-01T00:00:00Z");

        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).contains("\"objectId\":\"a\\\"b\\\\c\\nd\\re\\tf\\u0000g\\u2028h\\u2029i\\u007fj\"");
    }

    @Test
    void stringShouldKeepPairedSurrogatesAndEscapeLoneOnes() {
        assertThat(AuditExport.string("zo\u00eb \uD83D\uDCE8")).isEqualTo("\"zo\u00eb \uD83D\uDCE8\"");
        assertThat(AuditExport.string("a\uD800b\uDC00")).isEqualTo("\"a\\ud800b\\udc00\"");
        assertThat(AuditExport.string(null)).isEqualTo("null");
    }

    @Test
    void writeShouldGiveNothingWhenNoEntryIsInRange() throws Exception {
        trail.record("system", AuditAction.MAIL_HELD, "Mail1", "error", "");

        List<String> lines = export("2030-01-01T00:00:00Z", "2030-01-02T00:00:00Z");

        assertThat(lines).isEmpty();
    }

    private List<String> export(String from, String to) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new AuditExport(db.table).write(Instant.parse(from), Instant.parse(to), out);
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text.isEmpty() || text.endsWith("\n")).as("every line ends with a newline").isTrue();
        return text.isEmpty() ? List.of() : List.of(text.split("\n", -1)).subList(0, (int) text.chars().filter(c -> c == '\n').count());
    }
}
