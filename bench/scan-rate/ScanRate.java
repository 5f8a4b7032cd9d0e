package org.smg.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

import org.smg.gateway.attachments.ScanResult;
import org.smg.gateway.scanner.ClamdScanner;
import org.smg.gateway.scanner.ManagedClamd;

/**
 * The scan stage alone: clamd's own rate for one large file ({@code clamdscan --stream}) beside our
 * {@link ClamdScanner} streaming the same file from disk to the same clamd, started as the gateway
 * starts its embedded one. A single-file program run by bench/scan-rate.sh on the gateway's class path.
 *
 * <pre>ScanRate [--size-mb 200] [--runs 3]</pre>
 */
public final class ScanRate {

    public static void main(String[] args) throws Exception {
        int sizeMb = 200;
        int runs = 3;
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--size-mb" -> sizeMb = Integer.parseInt(args[i + 1]);
                case "--runs" -> runs = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path root = Files.createTempDirectory("smg-scan-rate",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        try {
            Path file = root.resolve("attachment.bin");
            write(file, sizeMb);
            double megabytes = Files.size(file) / 1048576.0;
            long limit = (long) (sizeMb + 56) << 20;
            try (ManagedClamd clamd = ManagedClamd.start(root.resolve("data"), limit)) {
                Path configuration = root.resolve("data/clamd/clamd.conf");
                ClamdScanner scanner = new ClamdScanner(clamd.address(), java.time.Duration.ofSeconds(300), limit);
                clamdscan(configuration, file); // warm-up: page cache and clamd's first allocation
                double clamdSeconds = Double.MAX_VALUE;
                double oursSeconds = Double.MAX_VALUE;
                for (int run = 0; run < runs; run++) {
                    clamdSeconds = Math.min(clamdSeconds, clamdscan(configuration, file));
                    oursSeconds = Math.min(oursSeconds, ours(scanner, file));
                }
                double clamdRate = megabytes / clamdSeconds;
                double oursRate = megabytes / oursSeconds;
                System.out.printf(Locale.ROOT, "file            %.0f MB (random bytes and text), best of %d runs%n", megabytes, runs);
                System.out.printf(Locale.ROOT, "clamdscan       %.2f s  %.1f MB/s  (clamdscan --stream)%n", clamdSeconds, clamdRate);
                System.out.printf(Locale.ROOT, "ClamdScanner    %.2f s  %.1f MB/s  (INSTREAM, 64 KB chunks, streamed from disk)%n", oursSeconds, oursRate);
                System.out.printf(Locale.ROOT, "ratio           %.0f %% of clamd's own rate (target >= 80 %%)%n", 100 * oursRate / clamdRate);
            }
        } finally {
            try (Stream<Path> files = Files.walk(root)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /** Mostly random bytes (incompressible, like a photo or a PDF's streams) with a line of text every 64 KB. */
    private static void write(Path file, int sizeMb) throws IOException {
        Random random = new Random(8);
        byte[] block = new byte[64 * 1024];
        byte[] text = "Dear agency, please find the requested documents attached. Reference 2026-0042.\n"
            .getBytes(StandardCharsets.US_ASCII);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            for (long written = 0; written < (long) sizeMb << 20; written += block.length) {
                random.nextBytes(block);
                System.arraycopy(text, 0, block, 0, text.length);
                out.write(block);
            }
        }
    }

    private static double clamdscan(Path configuration, Path file) throws IOException, InterruptedException {
        long started = System.nanoTime();
        Process process = new ProcessBuilder("clamdscan", "--stream", "--no-summary", "--config-file=" + configuration,
            file.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        int code = process.waitFor();
        double seconds = (System.nanoTime() - started) / 1e9;
        if (code != 0 || !output.endsWith(": OK")) {
            throw new IllegalStateException("clamdscan did not find the file clean (exit " + code + "): " + output);
        }
        return seconds;
    }

    private static double ours(ClamdScanner scanner, Path file) throws Exception {
        long started = System.nanoTime();
        ScanResult result;
        try (InputStream content = Files.newInputStream(file)) {
            result = scanner.scan(content);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (!result.isClean()) {
            throw new IllegalStateException("ClamdScanner did not find the file clean: " + result);
        }
        return seconds;
    }
}
