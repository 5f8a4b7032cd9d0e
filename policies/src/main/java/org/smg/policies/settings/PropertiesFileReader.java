package org.smg.policies.settings;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads key=value lines with their line numbers; reports malformed lines and duplicate keys. */
final class PropertiesFileReader {

    /** One key=value line; the value is trimmed. */
    record Entry(String key, String value, int line) {
    }

    /** The well-formed entries, in file order, and the problems met on the way. */
    record Result(List<Entry> entries, List<SettingsError> errors) {
    }

    private static final String EXPECTED_FILE = "expected the gateway settings file";

    private PropertiesFileReader() {
    }

    /** Reads the file as UTF-8; a file that cannot be read at all is a single, immediate error. */
    static Result read(Path file, String shownName) throws SettingsException {
        try {
            return parse(Files.readAllLines(file, StandardCharsets.UTF_8), shownName);
        } catch (NoSuchFileException missing) {
            throw fileError(shownName, "file not found; " + EXPECTED_FILE);
        } catch (CharacterCodingException notText) {
            throw fileError(shownName, "not valid UTF-8 text; " + EXPECTED_FILE);
        } catch (IOException unreadable) {
            String reason = Files.isDirectory(file) ? "is a directory" : "cannot be read (" + unreadable + ")";
            throw fileError(shownName, reason + "; " + EXPECTED_FILE);
        }
    }

    /** Splits already-read lines into entries. */
    static Result parse(List<String> lines, String shownName) {
        List<Entry> entries = new ArrayList<>();
        List<SettingsError> errors = new ArrayList<>();
        Map<String, Integer> firstLineOfKey = new HashMap<>();
        for (int index = 0; index < lines.size(); index++) {
            int lineNumber = index + 1;
            // Editors on Windows may prepend a byte-order mark, which would otherwise become part of the first key.
            String line = (index == 0 ? lines.get(0).replaceFirst("^\uFEFF", "") : lines.get(index)).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int equals = line.indexOf('=');
            if (equals < 0) {
                errors.add(new SettingsError(shownName, lineNumber, "",
                        "expected key=value or a # comment, got '" + line + "'"));
                continue;
            }
            String key = line.substring(0, equals).strip();
            if (key.isEmpty()) {
                errors.add(new SettingsError(shownName, lineNumber, "", "missing key before '='"));
                continue;
            }
            Integer firstLine = firstLineOfKey.putIfAbsent(key, lineNumber);
            if (firstLine != null) {
                errors.add(new SettingsError(shownName, lineNumber, key,
                        "duplicate key; already set on line " + firstLine + " (set each key once)"));
                continue;
            }
            entries.add(new Entry(key, line.substring(equals + 1).strip(), lineNumber));
        }
        return new Result(List.copyOf(entries), List.copyOf(errors));
    }

    private static SettingsException fileError(String shownName, String message) {
        return new SettingsException(List.of(new SettingsError(shownName, 0, "", message)));
    }
}
