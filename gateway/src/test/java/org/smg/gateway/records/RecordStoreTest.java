package org.smg.gateway.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordStoreTest {
    @TempDir
    static Path directory;
    private static RecordWorld world;

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
    }

    @Test
    void keepShouldStoreTheMessageByteForByteWithItsMetadata() throws Exception {
        String text = RecordWorld.text("m1@staff.example", "Your credit was approved.");

        MessageRecord kept = world.store.keep("Jane@Gateway.test", "ECO", RecordDirection.IN, "eco@staff.example", "jane@gateway.test",
            RecordWorld.message(text));

        MessageRecord read = world.store.get(kept.id()).orElseThrow();
        assertThat(read).isEqualTo(kept);
        assertThat(read.account()).isEqualTo("jane@gateway.test");
        assertThat(read.messageId()).isEqualTo("<m1@staff.example>");
        assertThat(read.size()).isEqualTo(text.length());
        assertThat(read.date()).isEqualTo(RecordWorld.START);
        assertThat(read.held()).isFalse();
        try (InputStream content = world.store.content(kept.id()).orElseThrow()) {
            assertThat(new String(content.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo(text);
        }
    }

    @Test
    void keepShouldReturnTheExistingRecordWhenTheSameDeliveryIsKeptAgainForTheAccount() throws Exception {
        String text = RecordWorld.text("m2@staff.example", "Your credit was approved.");
        MessageRecord first = world.store.keep("jane@gateway.test", "ECO", RecordDirection.IN, "eco@staff.example",
            "jane@gateway.test", RecordWorld.message(text), "mail-1");

        MessageRecord again = world.store.keep("Jane@gateway.test", "ECO", RecordDirection.IN, "eco@staff.example",
            "jane@gateway.test", RecordWorld.message(text), "mail-1");
        MessageRecord other = world.store.keep("john@gateway.test", "ECO", RecordDirection.IN, "eco@staff.example",
            "john@gateway.test", RecordWorld.message(text), "mail-1");

        assertThat(again).isEqualTo(first);
        assertThat(other.id()).isNotEqualTo(first.id());
        assertThat(world.store.list("jane@gateway.test", Optional.empty(), Optional.empty())).containsExactly(first);
    }

    @Test
    void listShouldReturnOnlyTheAccountsRecordsInTheRangeOldestFirst() throws Exception {
        MessageRecord first = world.keep("jane@gateway.test", "ECO", "a@x");
        world.clock.advance(Duration.ofDays(1));
        MessageRecord second = world.keep("jane@gateway.test", "ECO", "b@x");
        world.keep("john@gateway.test", "ECO", "c@x");
        world.clock.advance(Duration.ofDays(1));
        MessageRecord third = world.keep("jane@gateway.test", "ECO", "d@x");

        assertThat(world.store.list("JANE@gateway.test", Optional.empty(), Optional.empty()))
            .extracting(MessageRecord::id).containsExactly(first.id(), second.id(), third.id());
        assertThat(world.store.list("jane@gateway.test", Optional.of(second.date()), Optional.of(third.date())))
            .extracting(MessageRecord::id).containsExactly(second.id());
    }

    @Test
    void contentShouldBeEmptyWhenThereIsNoSuchRecord() throws Exception {
        Optional<InputStream> content = world.store.content("no-such-record");

        assertThat(content).isEmpty();
    }

    @Test
    void keepShouldMarkTheRecordHeldWhenItsAccountOrProgramIsHeld() throws Exception {
        world.store.placeHold(Hold.ACCOUNT, "Jane@gateway.test", "admin");
        world.store.placeHold(Hold.PROGRAM, "LB&I", "admin");

        MessageRecord account = world.keep("jane@gateway.test", "ECO", "a@x");
        MessageRecord program = world.keep("john@gateway.test", "LB&I", "b@x");
        MessageRecord free = world.keep("john@gateway.test", "ECO", "c@x");

        assertThat(account.held()).isTrue();
        assertThat(program.held()).isTrue();
        assertThat(free.held()).isFalse();
    }

    @Test
    void releaseHoldShouldKeepRecordsHeldThatAnotherHoldStillCovers() throws Exception {
        MessageRecord both = world.keep("jane@gateway.test", "LB&I", "a@x");
        MessageRecord accountOnly = world.keep("jane@gateway.test", "ECO", "b@x");
        world.store.placeHold(Hold.ACCOUNT, "jane@gateway.test", "admin");
        world.store.placeHold(Hold.PROGRAM, "LB&I", "admin");

        boolean released = world.store.releaseHold(Hold.ACCOUNT, "jane@gateway.test");

        assertThat(released).isTrue();
        assertThat(world.store.get(both.id()).orElseThrow().held()).isTrue();
        assertThat(world.store.get(accountOnly.id()).orElseThrow().held()).isFalse();
        assertThat(world.store.releaseHold(Hold.ACCOUNT, "jane@gateway.test")).isFalse();
    }

    @Test
    void placeHoldShouldReturnFalseWhenTheHoldIsAlreadyPlaced() throws Exception {
        world.store.placeHold(Hold.ACCOUNT, "jane@gateway.test", "admin");

        boolean again = world.store.placeHold(Hold.ACCOUNT, "JANE@gateway.test", "other");

        assertThat(again).isFalse();
        assertThat(world.store.holds()).extracting(Hold::name, Hold::placedBy).containsExactly(
            org.assertj.core.groups.Tuple.tuple("jane@gateway.test", "admin"));
    }

    @Test
    void dueShouldListOnlyUnheldRecordsBeforeTheCutoff() throws Exception {
        MessageRecord old = world.keep("jane@gateway.test", "ECO", "a@x");
        world.keep("john@gateway.test", "ECO", "b@x");
        world.store.placeHold(Hold.ACCOUNT, "john@gateway.test", "admin");
        world.clock.advance(Duration.ofDays(10));
        world.keep("jane@gateway.test", "ECO", "c@x");

        assertThat(world.store.due(Optional.of("ECO"), java.util.List.of(), RecordWorld.START.plus(Duration.ofDays(5)), 100))
            .extracting(MessageRecord::id).containsExactly(old.id());
    }
}
