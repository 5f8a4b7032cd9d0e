package org.smg.gateway.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Text for people: a JSON list as a table with aligned columns, a JSON object as
 * {@code field: value} lines. Control characters from the server (a name typed by someone) are
 * shown as '?', so no value can move the cursor or rewrite the terminal.
 */
final class Tables {
    static final String NONE = "(none)";
    private static final String ABSENT = "-";
    private static final String GAP = "  ";

    /** A column: its heading and the JSON field it shows. */
    record Column(String heading, String field) {
    }

    private Tables() {
    }

    static String table(JsonNode list, List<Column> columns) {
        if (list == null || !list.isArray() || list.isEmpty()) {
            return NONE + "\n";
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(columns.stream().map(Column::heading).toList());
        for (JsonNode item : list) {
            rows.add(columns.stream().map(column -> text(item.get(column.field()))).toList());
        }
        int[] widths = new int[columns.size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).codePointCount(0, row.get(i).length()));
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                line.append(cell);
                if (i < row.size() - 1) {
                    line.append(" ".repeat(widths[i] - cell.codePointCount(0, cell.length()))).append(GAP);
                }
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    /** One object as {@code field: value} lines, in the order given; fields the object lacks are left out. */
    static String fields(JsonNode object, List<String> fields) {
        int width = fields.stream().mapToInt(String::length).max().orElse(0);
        StringBuilder out = new StringBuilder();
        for (String field : fields) {
            if (object.has(field)) {
                out.append(field).append(':').append(" ".repeat(width - field.length() + 1)).append(text(object.get(field))).append('\n');
            }
        }
        return out.toString();
    }

    static String text(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return ABSENT;
        }
        if (value.isArray()) {
            String joined = StreamSupport.stream(value.spliterator(), false).map(Tables::text).collect(Collectors.joining(","));
            return joined.isEmpty() ? ABSENT : joined;
        }
        return printable(value.isValueNode() ? value.asText() : value.toString());
    }

    static String printable(String value) {
        StringBuilder safe = new StringBuilder(value.length());
        value.codePoints().forEach(c -> {
            boolean control = Character.isISOControl(c) || c == 0x2028 || c == 0x2029 || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2066 && c <= 0x2069);
            safe.appendCodePoint(control ? '?' : c);
        });
        return safe.toString();
    }
}
