package org.smg.policies.model;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.smg.policies.yaml.ReferencedFiles;
import org.smg.policies.yaml.ValueType;
import org.smg.policies.yaml.ValueTypes;
import org.smg.policies.yaml.YamlMap;

/**
 * Parses programs.yaml:
 * <pre>
 * recordsRetention: 7y                # optional, the default retention of records: 1d to 100y; 7y when left out
 * programs:
 *   - id: ECO
 *     name: Energy Credits Online
 *     staffAddress: eco@staff.example
 *     invitationLifetime: 30d          # optional, 1d to 365d
 *     retention: 10y                   # optional, how long records are kept: 1d to 100y; recordsRetention when left out
 *     terms:
 *       version: "2026-01"
 *       file: terms/terms-v1.md        # relative to conf/policies/
 *     welcome:
 *       subject: Welcome to Energy Credits Online secure messaging
 *       body: |
 *         ...
 * </pre>
 */
final class ProgramsFile implements PolicyFile<Programs> {

    static final String FILE_NAME = "programs.yaml";

    /**
     * Program ids are the agency's own abbreviations, "ECO", "LB&amp;I", "TE/GE", "APPEALS": upper-case letters and
     * digits, with '&amp;', '/' or '-' allowed between them, 1 to 16 characters. Upper case only, so ids compare
     * exactly, without case folding. Ids with '&amp;' or '/' must be percent-encoded in URLs.
     */
    static final String ID_SYNTAX = "a program id of 1 to 16 characters: upper-case letters and digits,"
            + " with '&', '/' or '-' between them, such as ECO, LB&I or TE/GE";
    static final Duration DEFAULT_INVITATION_LIFETIME = Duration.ofDays(30);
    static final int MAX_TERMS_BYTES = 256 * 1024;

    private static final String PROGRAMS = "programs";
    private static final String RECORDS_RETENTION = "recordsRetention";
    private static final String RETENTION = "retention";
    private static final String ID = "id";
    private static final String NAME = "name";
    private static final String STAFF_ADDRESS = "staffAddress";
    private static final String INVITATION_LIFETIME = "invitationLifetime";
    private static final String TERMS = "terms";
    private static final String WELCOME = "welcome";
    private static final String VERSION = "version";
    private static final String FILE = "file";
    private static final String SUBJECT = "subject";
    private static final String BODY = "body";

    static final ValueType<String> ID_TYPE =
            ValueTypes.matching(Pattern.compile("[A-Z0-9]([A-Z0-9&/-]{0,14}[A-Z0-9])?"), ID_SYNTAX);
    private static final ValueType<String> NAME_TYPE = ValueTypes.line(100);
    private static final ValueType<Duration> LIFETIME_TYPE =
            ValueTypes.duration(Duration.ofDays(1), Duration.ofDays(365));
    private static final ValueType<String> VERSION_TYPE = ValueTypes.matching(
            Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,31}"),
            "a version of 1 to 32 letters, digits, '.', '_' or '-', such as 2026-01 or 1.0");
    private static final ValueType<Period> RETENTION_TYPE = ValueTypes.retention(Period.ofDays(1), Period.ofYears(100));
    private static final ValueType<String> SUBJECT_TYPE = ValueTypes.line(200);
    private static final ValueType<String> BODY_TYPE = ValueTypes.text(20_000);

    @Override
    public String fileName() {
        return FILE_NAME;
    }

    @Override
    public List<String> topLevelFields() {
        return List.of(RECORDS_RETENTION, PROGRAMS);
    }

    @Override
    public Optional<Programs> parse(YamlMap root, Path directory, LoadedSoFar earlier) {
        int before = root.problems().count();
        List<Program> programs = new ArrayList<>();
        Map<String, String> firstUse = new HashMap<>();
        Optional<Period> defaultRetention = root.optional(RECORDS_RETENTION, RETENTION_TYPE, Programs.DEFAULT_RETENTION);
        root.requiredList(PROGRAMS, "programs").ifPresent(list -> {
            for (YamlMap item : list.maps(ID, NAME, STAFF_ADDRESS, INVITATION_LIFETIME, RETENTION, TERMS, WELCOME)) {
                Optional<String> id = item.required(ID, ID_TYPE);
                id.ifPresent(valid -> refuseDuplicate(valid, item, firstUse));
                program(id, item, directory, defaultRetention.orElse(Programs.DEFAULT_RETENTION)).ifPresent(programs::add);
            }
        });
        if (root.problems().count() > before) {
            return Optional.empty();
        }
        return Optional.of(new Programs(programs, defaultRetention.orElseThrow()));
    }

    private static Optional<Program> program(Optional<String> id, YamlMap item, Path directory, Period defaultRetention) {
        // Each field is read (and reported) even when an earlier one failed, so every error shows at once.
        Optional<String> name = item.required(NAME, NAME_TYPE);
        Optional<String> staffAddress = item.required(STAFF_ADDRESS, ValueTypes.emailAddress());
        Optional<Duration> lifetime = item.optional(INVITATION_LIFETIME, LIFETIME_TYPE, DEFAULT_INVITATION_LIFETIME);
        Optional<Period> retention = item.optional(RETENTION, RETENTION_TYPE, defaultRetention);
        Optional<Terms> terms = item.requiredMap(TERMS, VERSION, FILE).flatMap(map -> terms(map, directory));
        Optional<WelcomeMessage> welcome = item.requiredMap(WELCOME, SUBJECT, BODY).flatMap(ProgramsFile::welcome);
        if (id.isEmpty() || name.isEmpty() || staffAddress.isEmpty() || lifetime.isEmpty() || retention.isEmpty()
                || terms.isEmpty() || welcome.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Program(id.get(), name.get(), staffAddress.get(), welcome.get(), lifetime.get(),
                terms.get(), retention.get()));
    }

    private static Optional<Terms> terms(YamlMap map, Path directory) {
        Optional<String> version = map.required(VERSION, VERSION_TYPE);
        Optional<String> file = map.required(FILE, ReferencedFiles.relativePath());
        Optional<String> text = file.flatMap(relativePath -> {
            try {
                return Optional.of(ReferencedFiles.readText(directory, relativePath, MAX_TERMS_BYTES));
            } catch (IllegalArgumentException unusable) {
                map.problems().add(map.line(FILE), map.pathOf(FILE), unusable.getMessage());
                return Optional.empty();
            }
        });
        if (version.isEmpty() || text.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Terms(version.get(), file.get(), text.get()));
    }

    private static Optional<WelcomeMessage> welcome(YamlMap map) {
        Optional<String> subject = map.required(SUBJECT, SUBJECT_TYPE);
        Optional<String> body = map.required(BODY, BODY_TYPE);
        if (subject.isEmpty() || body.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new WelcomeMessage(subject.get(), body.get()));
    }

    private static void refuseDuplicate(String id, YamlMap item, Map<String, String> firstUse) {
        String first = firstUse.putIfAbsent(id, item.path() + " on line " + item.line(ID));
        if (first != null) {
            item.problems().add(item.line(ID), item.pathOf(ID), "duplicate program id '" + id
                    + "'; already used by " + first + " (each program needs its own id)");
        }
    }
}
