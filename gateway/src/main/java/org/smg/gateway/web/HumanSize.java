package org.smg.gateway.web;

import java.util.Locale;

/** A byte count as people read it: "512 bytes", "1.5 KB", "12.3 MB" (binary units, one decimal). */
final class HumanSize {
    private static final String[] UNITS = {"KB", "MB", "GB"};

    private HumanSize() {
    }

    static String of(long bytes) {
        if (bytes < 1024) {
            return bytes + (bytes == 1 ? " byte" : " bytes");
        }
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
    }
}
