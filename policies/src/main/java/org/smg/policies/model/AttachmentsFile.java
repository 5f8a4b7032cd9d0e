package org.smg.policies.model;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.smg.policies.yaml.ValueType;
import org.smg.policies.yaml.ValueTypes;
import org.smg.policies.yaml.YamlEntry;
import org.smg.policies.yaml.YamlMap;

/**
 * Parses attachments.yaml; every field is optional and a missing file means every default:
 * <pre>
 * default:
 *   maxFileSize: 1G                  # per attached file, decoded
 *   maxMessageSize: 1G               # all parts of one message, decoded
 *   maxAttachments: 20
 *   allowedTypes: [pdf, docx, xlsx, pptx, odt, ods, txt, csv, jpeg, png, tiff, heic, zip]
 *   refusedTypes: [executable, script, macro-office, encrypted-archive, encrypted-pdf]   # all five, always
 *   pdf: {refuseJavaScript: true, refuseLaunchActions: true, refuseEmbeddedFiles: true}
 *   archives: {maxDepth: 3, maxEntries: 1000, maxExpandedSize: 2G, maxExpansionRatio: 100}
 *   mailboxQuota: 2G                 # storage of one account
 * programs:
 *   APPEALS:                         # a program id of programs.yaml
 *     maxFileSize: 100M              # any field of default; the others come from default
 * </pre>
 */
final class AttachmentsFile implements PolicyFile<AttachmentPolicies> {

    static final String FILE_NAME = "attachments.yaml";

    /**
     * What is refused whatever the policy says, each with its reason: the scanner cannot see inside it, or it runs
     * code on the reader's machine. They are listed in the file so an administrator reads them, but cannot be
     * removed: a policy file is not the place to switch off the protections a scan cannot replace.
     */
    static final Map<String, String> REFUSED_TYPES = refusedTypes();

    private static final String DEFAULT = "default";
    private static final String PROGRAMS = "programs";
    private static final String MAX_FILE_SIZE = "maxFileSize";
    private static final String MAX_MESSAGE_SIZE = "maxMessageSize";
    private static final String MAX_ATTACHMENTS = "maxAttachments";
    private static final String ALLOWED_TYPES = "allowedTypes";
    private static final String REFUSED = "refusedTypes";
    private static final String PDF = "pdf";
    private static final String REFUSE_JAVASCRIPT = "refuseJavaScript";
    private static final String REFUSE_LAUNCH_ACTIONS = "refuseLaunchActions";
    private static final String REFUSE_EMBEDDED_FILES = "refuseEmbeddedFiles";
    private static final String ARCHIVES = "archives";
    private static final String MAX_DEPTH = "maxDepth";
    private static final String MAX_ENTRIES = "maxEntries";
    private static final String MAX_EXPANDED_SIZE = "maxExpandedSize";
    private static final String MAX_EXPANSION_RATIO = "maxExpansionRatio";
    private static final String MAILBOX_QUOTA = "mailboxQuota";
    private static final String[] SECTION_FIELDS = {MAX_FILE_SIZE, MAX_MESSAGE_SIZE, MAX_ATTACHMENTS, ALLOWED_TYPES,
        REFUSED, PDF, ARCHIVES, MAILBOX_QUOTA};

    private static final ValueType<Long> FILE_SIZE = ValueTypes.size(1L << 10, 1L << 40);
    private static final ValueType<Integer> ATTACHMENT_COUNT = ValueTypes.wholeNumber(0, 1000);
    private static final ValueType<Integer> DEPTH = ValueTypes.wholeNumber(1, 10);
    private static final ValueType<Integer> ENTRIES = ValueTypes.wholeNumber(1, 1_000_000);
    private static final ValueType<Integer> RATIO = ValueTypes.wholeNumber(1, 10_000);
    private static final ValueType<Long> QUOTA = ValueTypes.size(1L << 10, 1L << 40);
    private static final ValueType<Boolean> SWITCH = ValueTypes.trueOrFalse();
    private static final ValueType<FileType> FILE_TYPE = fileType();
    private static final ValueType<String> REFUSED_TYPE = refusedType();

    @Override
    public String fileName() {
        return FILE_NAME;
    }

    @Override
    public List<String> topLevelFields() {
        return List.of(DEFAULT, PROGRAMS);
    }

    @Override
    public Optional<AttachmentPolicies> whenAbsent() {
        return Optional.of(AttachmentPolicies.allDefaults());
    }

    @Override
    public Optional<AttachmentPolicies> parse(YamlMap root, Path directory, LoadedSoFar earlier) {
        int before = root.problems().count();
        Section builtIn = new Section(AttachmentRules.builder().build(), AttachmentPolicies.DEFAULT_MAILBOX_QUOTA);
        Section defaults = root.has(DEFAULT)
                ? root.requiredMap(DEFAULT, SECTION_FIELDS).map(map -> section(map, builtIn)).orElse(builtIn)
                : builtIn;
        Optional<Programs> programs = earlier.model(PolicyCatalog.PROGRAMS);
        Map<String, AttachmentRules> rules = new HashMap<>();
        Map<String, Long> quotas = new HashMap<>();
        for (YamlEntry entry : root.optionalEntries(PROGRAMS, SECTION_FIELDS).orElse(List.of())) {
            checkProgram(entry, root, programs);
            Section program = section(entry.value(), defaults);
            rules.put(entry.key(), program.rules());
            quotas.put(entry.key(), program.quota());
        }
        if (root.problems().count() > before) {
            return Optional.empty();
        }
        return Optional.of(new AttachmentPolicies(defaults.rules(), defaults.quota(), rules, quotas));
    }

    /** A program id must name a program of programs.yaml: a typo would otherwise leave its overrides unused. */
    private static void checkProgram(YamlEntry entry, YamlMap root, Optional<Programs> programs) {
        String path = root.pathOf(PROGRAMS) + "." + entry.key();
        try {
            ProgramsFile.ID_TYPE.parse(entry.key());
        } catch (IllegalArgumentException malformed) {
            root.problems().add(entry.line(), path, malformed.getMessage());
            return;
        }
        // When programs.yaml has errors of its own they are reported already; its ids are then unknown.
        programs.filter(known -> known.find(entry.key()).isEmpty()).ifPresent(known ->
                root.problems().add(entry.line(), path, "unknown program '" + entry.key()
                        + "'; programs.yaml defines " + known.all().stream().map(Program::id)
                        .collect(Collectors.joining(", "))));
    }

    /** Reads one section over {@code base}: each field written replaces the base's, the others are kept. */
    private static Section section(YamlMap map, Section base) {
        AttachmentRules.Builder rules = builderFrom(base.rules());
        long[] quota = {base.quota()};
        read(map, MAX_FILE_SIZE, FILE_SIZE, rules::maxFileSize);
        read(map, MAX_MESSAGE_SIZE, FILE_SIZE, rules::maxMessageSize);
        read(map, MAX_ATTACHMENTS, ATTACHMENT_COUNT, rules::maxAttachments);
        read(map, MAILBOX_QUOTA, QUOTA, value -> quota[0] = value);
        if (map.has(ALLOWED_TYPES)) {
            map.requiredListOrEmpty(ALLOWED_TYPES, "file types").ifPresent(list -> {
                List<FileType> types = list.scalars(FILE_TYPE);
                rules.allowedTypes(types.isEmpty() ? EnumSet.noneOf(FileType.class) : EnumSet.copyOf(types));
            });
        }
        if (map.has(REFUSED)) {
            map.requiredListOrEmpty(REFUSED, "refused types").ifPresent(list -> {
                int before = map.problems().count();
                Set<String> written = new LinkedHashSet<>(list.scalars(REFUSED_TYPE));
                if (map.problems().count() == before) {
                    REFUSED_TYPES.forEach((type, reason) -> {
                        if (!written.contains(type)) {
                            map.problems().add(map.line(REFUSED), map.pathOf(REFUSED), "'" + type
                                    + "' cannot be left out: " + reason + "; list all of " + refusedNames());
                        }
                    });
                }
            });
        }
        if (map.has(PDF)) {
            map.requiredMap(PDF, REFUSE_JAVASCRIPT, REFUSE_LAUNCH_ACTIONS, REFUSE_EMBEDDED_FILES).ifPresent(pdf -> {
                read(pdf, REFUSE_JAVASCRIPT, SWITCH, rules::refusePdfJavaScript);
                read(pdf, REFUSE_LAUNCH_ACTIONS, SWITCH, rules::refusePdfLaunchActions);
                read(pdf, REFUSE_EMBEDDED_FILES, SWITCH, rules::refusePdfEmbeddedFiles);
            });
        }
        if (map.has(ARCHIVES)) {
            map.requiredMap(ARCHIVES, MAX_DEPTH, MAX_ENTRIES, MAX_EXPANDED_SIZE, MAX_EXPANSION_RATIO)
                    .ifPresent(archives -> {
                        read(archives, MAX_DEPTH, DEPTH, rules::archiveMaxDepth);
                        read(archives, MAX_ENTRIES, ENTRIES, rules::archiveMaxEntries);
                        read(archives, MAX_EXPANDED_SIZE, FILE_SIZE, rules::archiveMaxExpandedSize);
                        read(archives, MAX_EXPANSION_RATIO, RATIO, rules::archiveMaxExpansionRatio);
                    });
        }
        return new Section(rules.build(), quota[0]);
    }

    private static <T> void read(YamlMap map, String field, ValueType<T> type, Consumer<T> setter) {
        if (map.has(field)) {
            map.required(field, type).ifPresent(setter);
        }
    }

    private static AttachmentRules.Builder builderFrom(AttachmentRules rules) {
        return AttachmentRules.builder()
                .maxFileSize(rules.maxFileSize())
                .maxMessageSize(rules.maxMessageSize())
                .maxAttachments(rules.maxAttachments())
                .allowedTypes(rules.allowedTypes())
                .refusePdfJavaScript(rules.refusePdfJavaScript())
                .refusePdfLaunchActions(rules.refusePdfLaunchActions())
                .refusePdfEmbeddedFiles(rules.refusePdfEmbeddedFiles())
                .archiveMaxDepth(rules.archiveMaxDepth())
                .archiveMaxEntries(rules.archiveMaxEntries())
                .archiveMaxExpandedSize(rules.archiveMaxExpandedSize())
                .archiveMaxExpansionRatio(rules.archiveMaxExpansionRatio());
    }

    private static ValueType<FileType> fileType() {
        String expected = "a file type: " + Arrays.stream(FileType.values()).map(FileType::id)
                .collect(Collectors.joining(", "));
        return new ValueType<>() {
            @Override
            public String expected() {
                return expected;
            }

            @Override
            public FileType parse(String text) {
                if (REFUSED_TYPES.containsKey(text)) {
                    throw new IllegalArgumentException("'" + text + "' is a refused type and can never be allowed: "
                            + REFUSED_TYPES.get(text));
                }
                // Ids are lower case, exactly as listed: "PDF" is an error like any other unknown name.
                return FileType.byId(text).filter(type -> type.id().equals(text))
                        .orElseThrow(() -> new IllegalArgumentException(ValueTypes.expectedButGot(expected, text)));
            }
        };
    }

    private static ValueType<String> refusedType() {
        String expected = "a refused type: " + refusedNames();
        return new ValueType<>() {
            @Override
            public String expected() {
                return expected;
            }

            @Override
            public String parse(String text) {
                if (!REFUSED_TYPES.containsKey(text)) {
                    throw new IllegalArgumentException(ValueTypes.expectedButGot(expected, text));
                }
                return text;
            }
        };
    }

    private static String refusedNames() {
        return String.join(", ", REFUSED_TYPES.keySet());
    }

    private static Map<String, String> refusedTypes() {
        Map<String, String> types = new java.util.LinkedHashMap<>();
        types.put("executable", "programs (PE, ELF, Mach-O) run code on the reader's machine");
        types.put("script", "scripts (shell, batch, PowerShell, JavaScript, VBScript) run code on the reader's machine");
        types.put("macro-office", "macro-enabled Office documents run code when opened");
        types.put("encrypted-archive", "encrypted archives cannot be scanned");
        types.put("encrypted-pdf", "encrypted PDFs cannot be scanned");
        return java.util.Collections.unmodifiableMap(types);
    }

    /** The rules and the mailbox quota one section resolves to. */
    private record Section(AttachmentRules rules, long quota) {
    }
}
