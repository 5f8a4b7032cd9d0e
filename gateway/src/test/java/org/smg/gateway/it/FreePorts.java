package org.smg.gateway.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntSupplier;

/**
 * Picks the ports of one test server as a batch: every port is bound (all addresses) and held
 * until the whole batch is chosen, so no port repeats within a batch, however the candidates fall.
 * Picking one port at a time with {@code new ServerSocket(0)} and closing it let the kernel hand
 * out the same port again: a gateway once failed with "webadmin.port: port 37049 is also used by
 * smtp.smtps.port".
 *
 * <p>Candidates are drawn at random from {@value #LOWEST}-{@value #HIGHEST}, below the ephemeral
 * range Linux (32768-60999), macOS and Windows (49152-65535) use for {@code bind(0)} and outgoing
 * connections, so the kernel does not give them to anyone in the meantime. Residual race: between
 * the batch's release and the server's bind (a few seconds), another process that picks ports
 * explicitly in the same range may take one; the server then fails to start with a clear bind
 * error.
 *
 * <p>Test classes run in parallel JVMs (surefire forks); each fork draws from its own slice of the
 * range ({@code smg.test.fork}, set from surefire's fork number), so two forks never pick the same port.
 */
final class FreePorts {
    static final int LOWEST = 20_000;
    static final int HIGHEST = 32_767;
    private static final int ATTEMPTS_PER_PORT = 50;
    /** As many slices as surefire may run forks at once (the gateway pom's {@code forkCount}). */
    static final int SLICES = 2;

    private FreePorts() {
    }

    /** {@code count} distinct ports that were all free at the same moment. */
    static List<Integer> pick(int count) {
        int[] slice = slice(Integer.getInteger("smg.test.fork", 1));
        return pick(count, () -> ThreadLocalRandom.current().nextInt(slice[0], slice[1] + 1));
    }

    /** The lowest and highest port of fork {@code fork} (1-based; forks beyond {@link #SLICES} share by remainder). */
    static int[] slice(int fork) {
        int width = (HIGHEST - LOWEST + 1) / SLICES;
        int lowest = LOWEST + Math.floorMod(fork - 1, SLICES) * width;
        return new int[] {lowest, lowest + width - 1};
    }

    static List<Integer> pick(int count, IntSupplier candidates) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (int attempt = 0; held.size() < count; attempt++) {
                if (attempt == count * ATTEMPTS_PER_PORT) {
                    throw new IllegalStateException("found only " + held.size() + " of " + count + " free ports in "
                        + attempt + " attempts");
                }
                bind(candidates.getAsInt()).ifPresent(held::add);
            }
            return held.stream().map(ServerSocket::getLocalPort).toList();
        } finally {
            held.forEach(FreePorts::close);
        }
    }

    private static Optional<ServerSocket> bind(int port) {
        ServerSocket socket = null;
        try {
            socket = new ServerSocket();
            // Without SO_REUSEADDR a port still in TIME_WAIT from an earlier test counts as taken.
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(port));
            return Optional.of(socket);
        } catch (IOException e) {
            close(socket);
            return Optional.empty();
        }
    }

    private static void close(ServerSocket socket) {
        if (socket == null) {
            return;
        }
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
