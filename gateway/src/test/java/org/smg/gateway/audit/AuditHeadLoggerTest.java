package org.smg.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.smg.mailets.audit.AuditAction;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

class AuditHeadLoggerTest {
    /** Remembers the task instead of scheduling it; the test runs it when "an hour has passed". */
    static final class FakeRepeater implements AuditHeadLogger.Repeater {
        Duration period;
        Runnable task;
        boolean closed;

        @Override
        public AutoCloseable every(Duration period, Runnable task) {
            this.period = period;
            this.task = task;
            return () -> closed = true;
        }
    }

    @TempDir
    static Path directory;

    private final Logger audit = (Logger) LoggerFactory.getLogger(AuditHeadLogger.LOGGER_NAME);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final FakeRepeater repeater = new FakeRepeater();
    private static AuditDatabase db;
    private AuditTrail trail;

    @BeforeEach
    void open() throws Exception {
        lines.start();
        audit.addAppender(lines);
        trail = db.reset();
    }

    @AfterEach
    void close() {
        audit.detachAppender(lines);
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
    void startShouldLogTheHeadAndRepeatItHourlyWhenStarted() throws Exception {
        AuditHeadLogger logger = new AuditHeadLogger(trail, repeater);

        logger.start();
        AuditEntry entry = trail.record("system", AuditAction.MAIL_HELD, "Mail1", "error", "");
        repeater.task.run();

        assertThat(repeater.period).isEqualTo(Duration.ofHours(1));
        assertThat(headLines()).hasSize(2);
        assertThat(headLines().get(0)).startsWith("audit head sequence=0 hash=" + "0".repeat(64) + " (start;");
        assertThat(headLines().get(1)).startsWith("audit head sequence=1 hash=" + entry.hash() + " (hourly;")
            .endsWith("verify with GET /audit/verify?head=1:" + entry.hash() + ")");
    }

    @Test
    void stopShouldCancelTheHourlyLineAndLogTheFinalHeadWhenStopped() throws Exception {
        AuditHeadLogger logger = new AuditHeadLogger(trail, repeater);
        logger.start();
        AuditEntry entry = trail.record("system", AuditAction.MAIL_HELD, "Mail1", "error", "");

        logger.stop();
        logger.stop();

        assertThat(repeater.closed).isTrue();
        assertThat(headLines()).hasSize(2);
        assertThat(headLines().get(1)).startsWith("audit head sequence=1 hash=" + entry.hash() + " (stop;");
    }

    @Test
    void loggedHeadShouldBeAcceptedByTheVerifierWhenCopiedFromTheLine() throws Exception {
        AuditHeadLogger logger = new AuditHeadLogger(trail, repeater);
        trail.record("system", AuditAction.MAIL_HELD, "Mail1", "error", "");
        trail.record("system", AuditAction.MAIL_HELD, "Mail2", "error", "");
        logger.start();
        String line = headLines().get(0);
        String copied = line.substring(line.indexOf("head=") + "head=".length(), line.length() - 1);

        db.sql("DELETE FROM SMG_AUDIT WHERE SEQ = 2");
        AuditVerification result = db.verifier().verify(java.util.Optional.of(AuditHead.parse(copied)));

        assertThat(result).isEqualTo(new AuditVerification(false, null, 1L));
    }

    private java.util.List<String> headLines() {
        return lines.list.stream().map(ILoggingEvent::getFormattedMessage).filter(line -> line.startsWith("audit head ")).toList();
    }
}
