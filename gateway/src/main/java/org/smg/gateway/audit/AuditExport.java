package org.smg.gateway.audit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes the entries appended in a time range [from, to) as JSON Lines (UTF-8, one object per
 * line, in sequence order), streaming from the database:
 * <pre>{@code
 * {"sequence":1,"time":"2024-05-01T08:00:00.000Z","actor":"mta:127.0.0.1","action":"MAIL_ACCEPTED",
 *  "objectId":"Mail1714550400000-...","outcome":"accepted","detail":"recipients=1 size=312",
 *  "prevHash":"00...00","hash":"9f...e1"}
 * }</pre>
 * (one line per entry; wrapped here for reading). Every string is JSON-escaped, including
 * control characters, U+2028 and U+2029, so a value edited into the database cannot start a line.
 */
public final class AuditExport {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final AuditTable table;

    AuditExport(AuditTable table) {
        this.table = table;
    }

    public void write(Instant from, Instant to, OutputStream out) throws SQLException, IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        table.forEachInTimeRange(from.toEpochMilli(), to.toEpochMilli(), entry -> {
            writer.write(line(entry));
            writer.write('\n');
            return true;
        });
        writer.flush();
    }

    static String line(AuditEntry entry) {
        return "{\"sequence\":" + entry.sequence()
            + ",\"time\":" + string(TIME.format(Instant.ofEpochMilli(entry.timeMillis())))
            + ",\"actor\":" + string(entry.actor())
            + ",\"action\":" + string(entry.action())
            + ",\"objectId\":" + string(entry.objectId())
            + ",\"outcome\":" + string(entry.outcome())
            + ",\"detail\":" + string(entry.detail())
            + ",\"prevHash\":" + string(entry.prevHash())
            + ",\"hash\":" + string(entry.hash())
            + "}";
    }

    /** A JSON string literal; null (only possible in an edited row) as JSON null. */
    static String string(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder json = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7F || c == 0x2028 || c == 0x2029 || Character.isSurrogate(c) && !pairedAt(value, i)) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }

    /** True when the surrogate at {@code i} is half of a valid pair (kept as is); a lone one is escaped. */
    private static boolean pairedAt(String value, int i) {
        char c = value.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(value.charAt(i - 1));
    }
}
