package org.smg.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.PrimitiveIterator;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class FreePortsTest {
    @Test
    void pickShouldNeverRepeatAPortWithinABatchWhenPickingManyBatches() {
        List<List<Integer>> batches = IntStream.range(0, 1000).mapToObj(i -> FreePorts.pick(7)).toList();

        assertThat(batches).allSatisfy(batch -> assertThat(batch).hasSize(7).doesNotHaveDuplicates()
            .allSatisfy(port -> assertThat(port).isBetween(FreePorts.LOWEST, FreePorts.HIGHEST)));
    }

    @Test
    void pickShouldSkipACandidateAlreadyChosenWhenTheSameCandidateComesAgain() {
        List<Integer> free = FreePorts.pick(3);
        PrimitiveIterator.OfInt candidates = IntStream.of(free.get(0), free.get(0), free.get(0), free.get(1), free.get(0), free.get(2)).iterator();

        List<Integer> batch = FreePorts.pick(3, candidates::nextInt);

        assertThat(batch).containsExactlyElementsOf(free);
    }

    @Test
    void pickShouldSkipAPortSomeoneListensOnWhenItIsACandidate() throws Exception {
        int free = FreePorts.pick(1).get(0);
        try (ServerSocket taken = new ServerSocket(0)) {
            PrimitiveIterator.OfInt candidates = IntStream.of(taken.getLocalPort(), free).iterator();

            List<Integer> batch = FreePorts.pick(1, candidates::nextInt);

            assertThat(batch).containsExactly(free);
        }
    }

    @Test
    void pickShouldReleaseEveryPortWhenTheBatchIsChosen() throws Exception {
        List<Integer> batch = FreePorts.pick(7);

        List<ServerSocket> rebound = new ArrayList<>();
        try {
            for (int port : batch) {
                rebound.add(new ServerSocket(port));
            }
        } finally {
            for (ServerSocket socket : rebound) {
                socket.close();
            }
        }

        assertThat(new HashSet<>(rebound.stream().map(ServerSocket::getLocalPort).toList())).hasSize(7);
    }

    @Test
    void pickShouldFailWithACountWhenNoCandidateIsFree() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            int port = taken.getLocalPort();

            assertThatThrownBy(() -> FreePorts.pick(2, () -> port))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("found only 0 of 2 free ports");
        }
    }

    @Test
    void sliceShouldGiveEachForkItsOwnPortsWhenForksRunAtOnce() {
        int[] first = FreePorts.slice(1);
        int[] second = FreePorts.slice(2);

        assertThat(first[0]).isEqualTo(FreePorts.LOWEST);
        assertThat(second[0]).isEqualTo(first[1] + 1);
        assertThat(second[1]).isLessThanOrEqualTo(FreePorts.HIGHEST);
        assertThat(FreePorts.slice(3)).containsExactly(first);
    }
}
