package org.smg.gateway.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Times on the settings pages: UTC, to the minute, the same for everyone (the gateway does not know the reader's zone). */
public final class SettingsTimes {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private SettingsTimes() {
    }

    public static String format(Instant at) {
        return FORMAT.format(at);
    }
}
