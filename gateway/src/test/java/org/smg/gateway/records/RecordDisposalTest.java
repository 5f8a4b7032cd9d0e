package org.smg.gateway.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smg.gateway.audit.AuditTrails;
import org.smg.policies.model.Program;
import org.smg.policies.model.Programs;
import org.smg.policies.model.Terms;
import org.smg.policies.model.WelcomeMessage;

/** Disposal past retention, driven by a clock years ahead: un-held records go with an audit entry, held ones stay. */
class RecordDisposalTest {
    private static final Programs PROGRAMS = new Programs(List.of(program("ECO", Period.ofYears(7)), program("LB&I", Period.ofDays(30))),
        Period.ofYears(3));

    @TempDir
    static Path directory;
    private static RecordWorld world;
    private RecordDisposal disposal;

    @BeforeAll
    static void openDatabase() throws Exception {
        world = RecordWorld.open(directory);
    }

    @AfterAll
    static void closeDatabase() {
        world.close();
    }

    @BeforeEach
    void empty() throws Exception {
        world.clear();
        disposal = new RecordDisposal(world.store, () -> PROGRAMS, world.audit, world.clock);
    }

    @Test
    void disposeDueShouldRemoveAnUnheldRecordAndAuditItWhenTheClockIsPastTheRetention() throws Exception {
        MessageRecord record = world.keep("jane@gateway.test", "ECO", "a@x");
        world.clock.set(RecordWorld.START.plus(Duration.ofDays(7 * 366)));

        int disposed = disposal.disposeDue();

        assertThat(disposed).isEqualTo(1);
        assertThat(world.store.get(record.id())).isEmpty();
        assertThat(world.store.content(record.id())).isEmpty();
        assertThat(AuditTrails.exportAll(world.audit)).anySatisfy(entry -> assertThat(entry)
            .contains("\"RECORD_DISPOSED\"", record.id(), "disposed", "account=jane@gateway.test", "program=ECO", "retention=7y"));
        assertThat(AuditTrails.verify(world.audit).valid()).isTrue();
    }

    @Test
    void disposeDueShouldKeepARecordWhenItsRetentionHasNotEnded() throws Exception {
        MessageRecord record = world.keep("jane@gateway.test", "ECO", "a@x");
        world.clock.set(RecordWorld.START.plus(Duration.ofDays(6 * 365)));

        int disposed = disposal.disposeDue();

        assertThat(disposed).isZero();
        assertThat(world.store.get(record.id())).isPresent();
    }

    @Test
    void disposeDueShouldKeepAHeldRecordPastItsRetention() throws Exception {
        MessageRecord accountHeld = world.keep("jane@gateway.test", "ECO", "a@x");
        MessageRecord programHeld = world.keep("john@gateway.test", "LB&I", "b@x");
        world.store.placeHold(Hold.ACCOUNT, "jane@gateway.test", "admin");
        world.store.placeHold(Hold.PROGRAM, "LB&I", "admin");
        world.clock.set(RecordWorld.START.plus(Duration.ofDays(20 * 366)));

        int disposed = disposal.disposeDue();

        assertThat(disposed).isZero();
        assertThat(world.store.get(accountHeld.id())).isPresent();
        assertThat(world.store.get(programHeld.id())).isPresent();
        assertThat(AuditTrails.exportAll(world.audit)).noneSatisfy(entry -> assertThat(entry).contains("RECORD_DISPOSED"));
    }

    @Test
    void disposeDueShouldRemoveARecordOnceItsHoldIsReleased() throws Exception {
        MessageRecord record = world.keep("jane@gateway.test", "ECO", "a@x");
        world.store.placeHold(Hold.ACCOUNT, "jane@gateway.test", "admin");
        world.clock.set(RecordWorld.START.plus(Duration.ofDays(8 * 366)));
        disposal.disposeDue();

        world.store.releaseHold(Hold.ACCOUNT, "jane@gateway.test");
        int disposed = disposal.disposeDue();

        assertThat(disposed).isEqualTo(1);
        assertThat(world.store.get(record.id())).isEmpty();
    }

    @Test
    void disposeDueShouldApplyEachProgramsRetentionAndTheDefaultToUnknownPrograms() throws Exception {
        MessageRecord shortRetention = world.keep("jane@gateway.test", "LB&I", "a@x");
        MessageRecord longRetention = world.keep("jane@gateway.test", "ECO", "b@x");
        MessageRecord removedProgram = world.keep("jane@gateway.test", "GONE", "c@x");
        MessageRecord noProgram = world.keep("jane@gateway.test", "", "d@x");
        world.clock.set(RecordWorld.START.plus(Duration.ofDays(31)));
        disposal.disposeDue();
        world.clock.set(RecordWorld.START.plus(Duration.ofDays(3 * 366)));

        disposal.disposeDue();

        assertThat(world.store.get(shortRetention.id())).isEmpty();
        assertThat(world.store.get(removedProgram.id())).isEmpty();
        assertThat(world.store.get(noProgram.id())).isEmpty();
        assertThat(world.store.get(longRetention.id())).isPresent();
    }

    @Test
    void disposeDueShouldNotTouchOtherAccountsWhenOneIsHeld() throws Exception {
        world.keep("jane@gateway.test", "ECO", "a@x");
        MessageRecord other = world.keep("john@gateway.test", "ECO", "b@x");
        world.store.placeHold(Hold.ACCOUNT, "jane@gateway.test", "admin");
        world.clock.set(RecordWorld.START.plus(Duration.ofDays(8 * 366)));

        disposal.disposeDue();

        assertThat(world.store.list("jane@gateway.test", Optional.empty(), Optional.empty())).hasSize(1);
        assertThat(world.store.get(other.id())).isEmpty();
    }

    private static Program program(String id, Period retention) {
        return new Program(id, id + " program", id.toLowerCase(java.util.Locale.ROOT).replace("&", "") + "@staff.example",
            new WelcomeMessage("Welcome", "Reply to start."), Duration.ofDays(30), new Terms("1", "terms/terms-v1.md", "Be kind."), retention);
    }
}
