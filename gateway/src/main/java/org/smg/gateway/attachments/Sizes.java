package org.smg.gateway.attachments;

/** Byte counts as refusals state them: "1 GB", "100 MB", "20 KB", "512 bytes" (binary units, rounded down). */
final class Sizes {

    private Sizes() {
    }

    static String human(long bytes) {
        String[] units = {"bytes", "KB", "MB", "GB", "TB"};
        int unit = 0;
        double value = bytes;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        if (unit == 0) {
            return bytes + " bytes";
        }
        double shown = Math.floor(value * 10) / 10; // down, so a limit is never overstated
        return (shown == Math.floor(shown) ? String.valueOf((long) shown) : String.valueOf(shown)) + " " + units[unit];
    }
}
