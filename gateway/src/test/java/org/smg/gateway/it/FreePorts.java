package org.smg.gateway.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
 * <p>Test classes run in parallel JVMs (surefire forks). Each JVM claims a slice of the range for its
 * lifetime with a file lock in the temporary directory, so two JVMs running at once never pick the same
 * port; a JVM that finds every slice taken (more JVMs than slices) shares one, as before slices existed.
 */
public final class FreePorts {
    static final int LOWEST = 20_000;
    static final int HIGHEST = 32_767;
    private static final int ATTEMPTS_PER_PORT = 50;
    /** As many slices as surefire may run forks at once (the gateway pom's {@code forkCount}). */
    static final int SLICES = 2;
    /** Held for the JVM's life: a lock whose channel were collected would be released. */
    private static final List<FileLock> HELD = new ArrayList<>();
    private static final int[] CLAIMED = claimSlice();

    private FreePorts() {
    }

    /** {@code count} distinct ports that were all free at the same moment. */
    public static List<Integer> pick(int count) {
        return pick(count, () -> ThreadLocalRandom.current().nextInt(CLAIMED[0], CLAIMED[1] + 1));
    }

    /** The first slice no other JVM holds, locked until this JVM exits (the lock dies with the process). */
    private static int[] claimSlice() {
        for (int fork = 1; fork <= SLICES; fork++) {
            try {
                FileChannel channel = FileChannel.open(Path.of(System.getProperty("java.io.tmpdir"), "smg-test-ports-" + fork + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock();
                if (lock != null) {
                    HELD.add(lock);
                    return slice(fork);
                }
                channel.close();
            } catch (IOException | OverlappingFileLockException e) {
                // Not claimable here; try the next slice.
            }
        }
        return slice(1 + ThreadLocalRandom.current().nextInt(SLICES));
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
