package org.smg.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

/**
 * The first benchmark: the same SMTP load through our gateway and through stock Apache James,
 * one after the other so they never compete for the CPU, timed from the first SMTP connection
 * until every message can be seen over IMAP. Run it with bench/run.sh, which builds what is
 * needed and starts this from the repository root.
 *
 * <pre>
 * BenchmarkMain [--messages 2000] [--clients 8] [--size 20480] [--timeout 1800]
 *               [--repository .] [--stock-james bench/stock-james/target/lib]
 * </pre>
 * Exit code 0 with a final block of figures, or 1 with the reason on standard error.
 */
public final class BenchmarkMain {
    /** No delivery for this long means the server is stuck, whatever the time-out. */
    private static final Duration STALL = Duration.ofSeconds(120);

    private final List<ServerProcess> servers = new CopyOnWriteArrayList<>();

    private BenchmarkMain() {
    }

    /** What one server achieved. */
    private record Result(String name, double startupSeconds, long idleRssKib, int messages,
                          double acceptedSeconds, double deliveredSeconds, double serverCpuSeconds, double otherCores,
                          int deferrals, int extraInInbox) {
        double messagesPerSecond() {
            return messages / deliveredSeconds;
        }

        double cpuMillisPerMessage() {
            return serverCpuSeconds * 1000 / messages;
        }
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.err.println("usage: bench/run.sh [--messages N] [--clients N] [--size BYTES] [--timeout SECONDS]");
            System.exit(2);
            return;
        }
        BenchmarkMain benchmark = new BenchmarkMain();
        // Ctrl-C or SIGTERM must not leave servers or temporary roots behind.
        Runtime.getRuntime().addShutdownHook(new Thread(benchmark::closeAll, "bench-cleanup"));
        try {
            benchmark.run(options);
        } catch (Exception e) {
            benchmark.closeAll();
            System.err.println();
            System.err.println("BENCHMARK FAILED: " + describe(e));
            System.exit(1);
        }
        benchmark.closeAll();
        System.exit(0);
    }

    private void run(Options options) throws Exception {
        String machine = machine();
        System.out.println("machine: " + machine);
        System.out.printf(Locale.ROOT, "load: %d messages of %d bytes, %d SMTP clients%n",
            options.messages, options.size, options.clients);
        SmtpLoad load = new SmtpLoad(options.messages, options.clients, options.size);

        GatewayServer gateway = register(new GatewayServer(options.repository));
        Result ours = measure(gateway, load, options);
        gateway.close();

        // The same mailbox address and password as the gateway's demo user.
        StockJames stock = register(new StockJames(options.stockJames, gateway.mailbox(), gateway.password()));
        Result theirs = measure(stock, load, options);
        stock.close();

        System.out.println();
        System.out.println("machine: " + machine);
        System.out.printf(Locale.ROOT, "load: %d messages of %d bytes, %d SMTP clients, counted over IMAP%n",
            options.messages, options.size, options.clients);
        for (Result result : List.of(ours, theirs)) {
            System.out.printf(Locale.ROOT, "%-12s start-up %.1f s, idle RSS %d MiB%n",
                result.name + ":", result.startupSeconds, result.idleRssKib / 1024);
        }
        for (Result result : List.of(ours, theirs)) {
            System.out.printf(Locale.ROOT, "%-12s %d msgs in %.1f s = %.1f msg/s (all accepted over SMTP after %.1f s)%n",
                result.name + ":", result.messages, result.deliveredSeconds, result.messagesPerSecond(), result.acceptedSeconds);
        }
        System.out.printf(Locale.ROOT, "ratio gateway/stock: %.2f%n", ours.messagesPerSecond() / theirs.messagesPerSecond());
        for (Result result : List.of(ours, theirs)) {
            if (result.deferrals > 0 || result.extraInInbox > 0) {
                System.out.printf(Locale.ROOT, "WARNING %s: %d temporary SMTP refusals retried, %d more messages in the INBOX than sent%n",
                    result.name, result.deferrals, result.extraInInbox);
            }
        }
        System.out.printf(Locale.ROOT, "server CPU per message: gateway %.1f ms, stock James %.1f ms%n",
            ours.cpuMillisPerMessage(), theirs.cpuMillisPerMessage());
        System.out.printf(Locale.ROOT, "other work on the machine meanwhile: %.2f cores during the gateway's run, %.2f during stock James's (of %d)%n",
            ours.otherCores, theirs.otherCores, Runtime.getRuntime().availableProcessors());
    }

    private Result measure(ServerProcess server, SmtpLoad load, Options options) throws Exception {
        System.out.println("starting " + server.name() + " in " + server.root() + " ...");
        server.start();
        System.out.printf(Locale.ROOT, "%s: ready after %.1f s; waiting until it is idle to read its memory%n",
            server.name(), server.startupSeconds());
        long rssKib = server.idleRssKib();
        System.out.printf(Locale.ROOT, "%s: idle RSS %d MiB%n", server.name(), rssKib / 1024);
        try (ImapCounter imap = server.imapCounter()) {
            imap.connect();
            int before = imap.count();
            if (before != 0) {
                throw new IllegalStateException("INBOX of " + server.mailbox() + " holds " + before + " messages before the load");
            }
            System.out.printf(Locale.ROOT, "%s: sending %d messages to %s over SMTP port %d ...%n",
                server.name(), options.messages, server.mailbox(), server.smtpPort());
            // CPU use of the server, of this JVM and of the whole machine, to tell the server's own
            // cost apart from other work sharing the cores.
            double serverCpu = Proc.cpuSeconds(server.pid());
            double benchCpu = Proc.cpuSeconds(ProcessHandle.current().pid());
            double machineBusy = Proc.machineBusySeconds();
            long started = System.nanoTime();
            int deferrals = load.run(server.smtpPort(), server.mailbox());
            double accepted = (System.nanoTime() - started) / 1e9;
            System.out.printf(Locale.ROOT, "%s: all accepted after %.1f s (%d temporary refusals retried); waiting until IMAP shows them all ...%n",
                server.name(), accepted, deferrals);
            imap.awaitCount(options.messages, STALL, started + Duration.ofSeconds(options.timeoutSeconds).toNanos());
            double delivered = (System.nanoTime() - started) / 1e9;
            serverCpu = Proc.cpuSeconds(server.pid()) - serverCpu;
            benchCpu = Proc.cpuSeconds(ProcessHandle.current().pid()) - benchCpu;
            double otherCores = Math.max(0, Proc.machineBusySeconds() - machineBusy - serverCpu - benchCpu) / delivered;
            int inInbox = imap.count();
            System.out.printf(Locale.ROOT, "%s: %d in the INBOX after %.1f s%n", server.name(), inInbox, delivered);
            return new Result(server.name(), server.startupSeconds(), rssKib, options.messages, accepted, delivered,
                serverCpu, otherCores, deferrals, inInbox - options.messages);
        } catch (Exception e) {
            throw new IllegalStateException(server.name() + ": " + describe(e) + server.logTail(), e);
        }
    }

    private <T extends ServerProcess> T register(T server) {
        servers.add(server);
        return server;
    }

    private void closeAll() {
        servers.forEach(ServerProcess::close);
    }

    private static String machine() {
        double memoryGib = Proc.memTotalKib() / 1024.0 / 1024.0;
        String runtime = System.getProperty("java.runtime.name", "Java").replace(" Runtime Environment", "");
        String version = Runtime.version().version().stream().map(String::valueOf).collect(Collectors.joining("."));
        return String.format(Locale.ROOT, "%d cores, %.1f GiB, %s %s",
            Runtime.getRuntime().availableProcessors(), memoryGib, runtime, version);
    }

    private static String describe(Throwable e) {
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        return cause.getMessage() != null ? cause.getMessage() : cause.toString();
    }

    /** Command-line options; every one has a default that gives the reference run. */
    private static final class Options {
        int messages = 2000;
        int clients = 8;
        int size = 20 * 1024;
        long timeoutSeconds = 1800;
        Path repository = Path.of(".");
        Path stockJames = Path.of("bench/stock-james/target/lib");

        static Options parse(String[] args) {
            Options options = new Options();
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                String value = args[++i];
                switch (name) {
                    case "--messages" -> options.messages = positive(name, value);
                    case "--clients" -> options.clients = positive(name, value);
                    case "--size" -> options.size = positive(name, value);
                    case "--timeout" -> options.timeoutSeconds = positive(name, value);
                    case "--repository" -> options.repository = Path.of(value);
                    case "--stock-james" -> options.stockJames = Path.of(value);
                    default -> throw new IllegalArgumentException("unknown option " + name);
                }
            }
            if (options.size < 1024) {
                throw new IllegalArgumentException("--size must be at least 1024 bytes");
            }
            return options;
        }

        private static int positive(String name, String value) {
            try {
                int number = Integer.parseInt(value);
                if (number > 0) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException(name + " must be a positive whole number, not " + value);
        }
    }
}
