package org.smg.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads what Linux tells about a process and the machine in /proc; the benchmark only runs on Linux. */
final class Proc {
    /** Kernel clock ticks per second (USER_HZ); 100 on every mainstream Linux build. */
    private static final int TICKS_PER_SECOND = 100;

    private Proc() {
    }

    /** Resident set size of the process in KiB, from the VmRSS line of /proc/PID/status. */
    static long rssKib(long pid) {
        return kibField(Path.of("/proc", String.valueOf(pid), "status"), "VmRSS:");
    }

    /** Total memory of the machine in KiB. */
    static long memTotalKib() {
        return kibField(Path.of("/proc/meminfo"), "MemTotal:");
    }

    /** CPU time (user + system) the process has used so far, in seconds. */
    static double cpuSeconds(long pid) {
        String stat = read(Path.of("/proc", String.valueOf(pid), "stat"));
        // The command name (field 2) may contain spaces; fields after its closing ')' are fixed.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        long utime = Long.parseLong(fields[11]); // field 14 of stat
        long stime = Long.parseLong(fields[12]); // field 15 of stat
        return (utime + stime) / (double) TICKS_PER_SECOND;
    }

    /** CPU time all cores of the machine have spent busy so far (not idle, not waiting for I/O), in seconds. */
    static double machineBusySeconds() {
        String[] fields = read(Path.of("/proc/stat")).split("\n")[0].trim().split("\\s+");
        long busy = 0;
        // cpu user nice system idle iowait irq softirq steal: every field but idle and iowait is work.
        for (int i = 1; i <= 8 && i < fields.length; i++) {
            if (i != 4 && i != 5) {
                busy += Long.parseLong(fields[i]);
            }
        }
        return busy / (double) TICKS_PER_SECOND;
    }

    private static long kibField(Path file, String prefix) {
        for (String line : read(file).split("\n")) {
            if (line.startsWith(prefix)) {
                return Long.parseLong(line.substring(prefix.length()).trim().split("\\s+")[0]);
            }
        }
        throw new IllegalStateException("no " + prefix + " in " + file);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " (has the process ended?)", e);
        }
    }
}
