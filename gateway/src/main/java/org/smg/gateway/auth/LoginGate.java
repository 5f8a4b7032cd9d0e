package org.smg.gateway.auth;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per client address limits on logins, applied by the protocols before the users repository is
 * asked, so before any password is hashed.
 *
 * <p>Every attempt counts as a failure of its address when it is admitted, and is refunded when it
 * succeeds (an IMAP AUTHENTICATE can end where the protocol does not report it, so counting in
 * advance is the safe side). Once an address has failed more than a few times, its next attempts
 * wait a growing delay, scheduled rather than slept, so no thread is held. After the delay an
 * attempt joins its address's queue: at most {@link #IN_FLIGHT_PER_ADDRESS} attempts of one address
 * are checked at once, the others wait their turn in arrival order. At most
 * {@link #PENDING_PER_ADDRESS} attempts of one address may be under way (delayed, queued or being
 * checked); further ones are refused at once, and the protocol answers them exactly as a wrong
 * password. So a flood from one address holds at most two places in the password-check queue,
 * and another address's login is never refused because of it.
 *
 * <p>IPv6 clients are counted per /64, the smallest block a single host is usually given.
 * Memory: the failure counts sit in a fixed table; the queues exist only while an address has
 * attempts under way, which the connection limits bound.
 */
public final class LoginGate {
    private static final Logger LOGGER = LoggerFactory.getLogger(LoginGate.class);

    /** Failures of one address before its attempts are delayed: room for a household behind one NAT address. */
    static final int FAILURES_PER_ADDRESS_BEFORE_DELAY = 10;
    static final int IN_FLIGHT_PER_ADDRESS = 2;
    static final int PENDING_PER_ADDRESS = 8;
    /** An admission the protocol never closes (a client that stops mid-AUTHENTICATE) frees its place after this. */
    static final Duration HOLD_LIMIT = Duration.ofSeconds(60);

    private final LoginThrottle addressFailures;
    private final ScheduledExecutorService scheduler;
    private final Map<String, AddressQueue> queues = new HashMap<>();

    LoginGate(LoginThrottle addressFailures, ScheduledExecutorService scheduler) {
        this.addressFailures = addressFailures;
        this.scheduler = scheduler;
    }

    /** A gate whose per-address delays grow up to {@code maxDelay} (limits.auth.maxDelay), timed by one daemon thread. */
    public static LoginGate create(Duration maxDelay, Clock clock) {
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "login-gate");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.setRemoveOnCancelPolicy(true);
        return new LoginGate(new LoginThrottle(FAILURES_PER_ADDRESS_BEFORE_DELAY, maxDelay, clock), scheduler);
    }

    /**
     * Admits a login attempt from {@code client}: completes once it may be checked, possibly after a
     * delay, or at once with a refused admission when the address has too many attempts under way.
     */
    public CompletableFuture<Admission> admit(InetAddress client) {
        return admit(client, PENDING_PER_ADDRESS);
    }

    /**
     * Admits like {@link #admit} but waits on the calling thread, at most {@code limit}: for a
     * protocol whose commands run on threads that may block (SMTP, see
     * {@code org.smg.gateway.smtp.GuardedSmtpServer}). An attempt still waiting after the limit, or
     * whose thread is interrupted, is refused and gives its place in the queue up.
     */
    public Admission admitWithin(InetAddress client, Duration limit) {
        CompletableFuture<Admission> waiting = admit(client);
        try {
            return waiting.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOGGER.warn("Login refused unchecked for address {}: not its turn within {} ms", addressKey(client), limit.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException("a login admission never fails", e.getCause());
        }
        // Its turn may have come just now: then take it rather than leave the place held.
        return waiting.cancel(false) ? Admission.REFUSED : waiting.join();
    }

    private CompletableFuture<Admission> admit(InetAddress client, int pendingLimit) {
        String address = addressKey(client);
        Duration delay = addressFailures.delayFor(address);
        int failures = addressFailures.recordFailure(address);
        synchronized (queues) {
            AddressQueue queue = queues.computeIfAbsent(address, key -> new AddressQueue());
            if (queue.pending >= PENDING_PER_ADDRESS) {
                LOGGER.warn("Login refused unchecked for address {}: {} attempts under way ({} recent failures)",
                    address, queue.pending, failures);
                return CompletableFuture.completedFuture(Admission.REFUSED);
            }
            queue.pending++;
        }
        CompletableFuture<Admission> admission = new CompletableFuture<>();
        if (delay.isZero()) {
            enqueue(address, admission);
        } else {
            scheduler.schedule(() -> enqueue(address, admission), delay.toMillis(), TimeUnit.MILLISECONDS);
        }
        return admission;
    }

    private void enqueue(String address, CompletableFuture<Admission> waiting) {
        Admission admitted = null;
        synchronized (queues) {
            AddressQueue queue = queues.get(address);
            if (queue.inFlight < IN_FLIGHT_PER_ADDRESS) {
                queue.inFlight++;
                admitted = new Admission(this, address);
            } else {
                queue.waiting.add(waiting);
            }
        }
        if (admitted != null) {
            start(admitted, waiting);
        }
    }

    private void release(String address) {
        CompletableFuture<Admission> next;
        synchronized (queues) {
            AddressQueue queue = queues.get(address);
            queue.pending--;
            next = queue.waiting.poll();
            if (next == null) {
                queue.inFlight--;
            }
            if (queue.pending == 0) {
                queues.remove(address);
            }
        }
        if (next != null) {
            start(new Admission(this, address), next);
        }
    }

    private void start(Admission admission, CompletableFuture<Admission> waiting) {
        admission.expiry = scheduler.schedule(admission::close, HOLD_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        if (!waiting.complete(admission)) {
            admission.close(); // the protocol gave up waiting (connection closed)
        }
    }

    /** Attempts of the address under way; for tests. */
    int pending(InetAddress client) {
        synchronized (queues) {
            AddressQueue queue = queues.get(addressKey(client));
            return queue == null ? 0 : queue.pending;
        }
    }

    /** The address as counted: IPv4 as is, IPv6 by its /64 prefix. */
    static String addressKey(InetAddress client) {
        if (client instanceof Inet6Address) {
            byte[] bytes = client.getAddress();
            StringBuilder prefix = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
            }
            return prefix.append(":/64").toString();
        }
        return client.getHostAddress();
    }

    /** The right to check one login; close it once the outcome is known (closing twice is harmless). */
    public static final class Admission implements AutoCloseable {
        static final Admission REFUSED = new Admission(null, null);

        private final LoginGate gate;
        private final String address;
        private final AtomicBoolean closed = new AtomicBoolean();
        private volatile ScheduledFuture<?> expiry;

        private Admission(LoginGate gate, String address) {
            this.gate = gate;
            this.address = address;
        }

        /** False when the attempt must be answered as a failed login without any check. */
        public boolean admitted() {
            return gate != null;
        }

        /** The login succeeded: the failure counted in advance for its address is taken back. */
        public void succeeded() {
            if (admitted() && !closed.get()) {
                gate.addressFailures.refund(address);
            }
        }

        @Override
        public void close() {
            if (admitted() && closed.compareAndSet(false, true)) {
                ScheduledFuture<?> pendingExpiry = expiry;
                if (pendingExpiry != null) {
                    pendingExpiry.cancel(false);
                }
                gate.release(address);
            }
        }
    }

    private static final class AddressQueue {
        private final Queue<CompletableFuture<Admission>> waiting = new ArrayDeque<>();
        private int pending;
        private int inFlight;
    }
}
