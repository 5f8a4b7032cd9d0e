package org.smg.policies.yaml;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.smg.policies.settings.Messages;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * One YAML mapping of a policy file, read field by field with its path ({@code programs[2].terms}).
 *
 * <p>Every accessor reports its own problems (missing, empty, malformed, out of range, wrong kind of node) to
 * the file's {@link FileProblems} and returns an empty {@code Optional}, so a parser reads on and the
 * administrator gets every error at once. Only the declared fields are allowed: an unknown one (a typo) and a
 * field written twice are errors, never silently ignored or overwritten.
 */
public final class YamlMap {

    private final MappingNode node;
    private final String path;
    private final FileProblems problems;
    private final Map<String, NodeTuple> fields = new LinkedHashMap<>();

    private YamlMap(MappingNode node, String path, List<String> allowed, FileProblems problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
        for (NodeTuple tuple : node.getValue()) {
            addField(tuple, allowed);
        }
    }

    /**
     * The file's top-level mapping, allowing only the given fields.
     *
     * @return empty, with the problem reported, when the document is not a mapping
     */
    public static Optional<YamlMap> root(Node node, FileProblems problems, String... allowedFields) {
        return of(node, "", problems, List.of(allowedFields));
    }

    static Optional<YamlMap> of(Node node, String path, FileProblems problems, List<String> allowed) {
        if (node instanceof MappingNode) {
            return Optional.of(new YamlMap((MappingNode) node, path, allowed, problems));
        }
        problems.add(node, path, expectedButGot(mappingOf(allowed), node));
        return Optional.empty();
    }

    /** The field path of this mapping, "" for the top level. */
    public String path() {
        return path;
    }

    /** The line where this mapping starts. */
    public int line() {
        return FileProblems.line(node);
    }

    /** The line of a field's value, or this mapping's line when the field is absent. */
    public int line(String field) {
        NodeTuple tuple = fields.get(field);
        return tuple == null ? line() : FileProblems.line(tuple.getValueNode());
    }

    /** The path of a field of this mapping, e.g. "programs[2].id". */
    public String pathOf(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    /** Where errors of this file go, for checks across fields (such as duplicate ids). */
    public FileProblems problems() {
        return problems;
    }

    /** True when the field is written, even with an empty value. */
    public boolean has(String field) {
        return fields.containsKey(field);
    }

    /** A scalar field that must be present and valid. */
    public <T> Optional<T> required(String field, ValueType<T> type) {
        if (!has(field)) {
            problems.add(node, pathOf(field), "missing field; expected " + type.expected());
            return Optional.empty();
        }
        return scalar(fields.get(field).getValueNode(), pathOf(field), type, problems);
    }

    /** A scalar field that takes {@code defaultValue} when absent; present, it must be valid (empty is not absent). */
    public <T> Optional<T> optional(String field, ValueType<T> type, T defaultValue) {
        if (!has(field)) {
            return Optional.of(defaultValue);
        }
        return scalar(fields.get(field).getValueNode(), pathOf(field), type, problems);
    }

    /** A nested mapping that must be present, allowing only the given fields. */
    public Optional<YamlMap> requiredMap(String field, String... allowedFields) {
        List<String> allowed = List.of(allowedFields);
        if (!has(field)) {
            problems.add(node, pathOf(field), "missing field; expected " + mappingOf(allowed));
            return Optional.empty();
        }
        return of(fields.get(field).getValueNode(), pathOf(field), problems, allowed);
    }

    /**
     * A list that must be present and not empty.
     *
     * @param itemDescription what each item is, completing "expected a list of …", e.g. "programs"
     */
    public Optional<YamlList> requiredList(String field, String itemDescription) {
        String expected = "a list of " + itemDescription + " (at least one)";
        if (!has(field)) {
            problems.add(node, pathOf(field), "missing field; expected " + expected);
            return Optional.empty();
        }
        Node value = fields.get(field).getValueNode();
        if (value instanceof SequenceNode && !((SequenceNode) value).getValue().isEmpty()) {
            return Optional.of(new YamlList((SequenceNode) value, pathOf(field), problems));
        }
        problems.add(value, pathOf(field), value instanceof SequenceNode || isEmpty(value)
                ? "empty value; expected " + expected
                : expectedButGot(expected, value));
        return Optional.empty();
    }

    /**
     * A list that must be present and may be empty ({@code []}), for lists where "none" is a meaningful value.
     *
     * @param itemDescription what each item is, completing "expected a list of …", e.g. "file types"
     */
    public Optional<YamlList> requiredListOrEmpty(String field, String itemDescription) {
        String expected = "a list of " + itemDescription + " ([] for none)";
        if (!has(field)) {
            problems.add(node, pathOf(field), "missing field; expected " + expected);
            return Optional.empty();
        }
        Node value = fields.get(field).getValueNode();
        if (value instanceof SequenceNode) {
            return Optional.of(new YamlList((SequenceNode) value, pathOf(field), problems));
        }
        problems.add(value, pathOf(field), expectedButGot(expected, value));
        return Optional.empty();
    }

    /**
     * A nested mapping whose keys the file chooses (such as program ids), each value a mapping allowing only the
     * given fields. Absent, it is an empty list; a key written twice is an error, as for any field.
     */
    public Optional<List<YamlEntry>> optionalEntries(String field, String... allowedFields) {
        List<String> allowed = List.of(allowedFields);
        if (!has(field)) {
            return Optional.of(List.of());
        }
        Node value = fields.get(field).getValueNode();
        if (!(value instanceof MappingNode)) {
            problems.add(value, pathOf(field), expectedButGot("a mapping of names to " + mappingOf(allowed), value));
            return Optional.empty();
        }
        int before = problems.count();
        List<YamlEntry> entries = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        for (NodeTuple tuple : ((MappingNode) value).getValue()) {
            Node key = tuple.getKeyNode();
            if (!(key instanceof ScalarNode) || isEmpty(key)) {
                problems.add(key, pathOf(field), expectedButGot("a name", key));
                continue;
            }
            String name = ((ScalarNode) key).getValue();
            String entryPath = pathOf(field) + "." + name;
            Integer first = firstLine.putIfAbsent(name, FileProblems.line(key));
            if (first != null) {
                problems.add(key, entryPath, "duplicate field; already set on line " + first + " (set each field once)");
                continue;
            }
            of(tuple.getValueNode(), entryPath, problems, allowed)
                    .ifPresent(map -> entries.add(new YamlEntry(name, FileProblems.line(key), map)));
        }
        return problems.count() > before ? Optional.empty() : Optional.of(List.copyOf(entries));
    }

    static <T> Optional<T> scalar(Node value, String path, ValueType<T> type, FileProblems problems) {
        if (!(value instanceof ScalarNode)) {
            problems.add(value, path, expectedButGot(type.expected(), value));
            return Optional.empty();
        }
        if (isEmpty(value)) {
            problems.add(value, path, Messages.expected(type.expected(), ""));
            return Optional.empty();
        }
        try {
            return Optional.of(type.parse(((ScalarNode) value).getValue()));
        } catch (IllegalArgumentException invalid) {
            problems.add(value, path, invalid.getMessage());
            return Optional.empty();
        }
    }

    /** "expected …, got 'text'" for a scalar, "expected …, got a list" for a collection. */
    static String expectedButGot(String expected, Node value) {
        if (value instanceof ScalarNode) {
            return isEmpty(value) ? Messages.expected(expected, "")
                    : ValueTypes.expectedButGot(expected, ((ScalarNode) value).getValue());
        }
        return "expected " + expected + ", got " + (value instanceof SequenceNode ? "a list" : "a mapping");
    }

    /** An empty value: nothing after the colon, '~' or 'null' (but not the quoted string "null"). */
    static boolean isEmpty(Node value) {
        return value instanceof ScalarNode
                && (Tag.NULL.equals(value.getTag()) || ((ScalarNode) value).getValue().isEmpty());
    }

    static String mappingOf(List<String> allowed) {
        return "a mapping with the fields " + String.join(", ", allowed);
    }

    private void addField(NodeTuple tuple, List<String> allowed) {
        Node key = tuple.getKeyNode();
        if (!(key instanceof ScalarNode) || isEmpty(key)) {
            problems.add(key, path, expectedButGot("a field name", key));
            return;
        }
        String name = ((ScalarNode) key).getValue();
        if (!allowed.contains(name)) {
            // Refusing unknown fields turns a typo into an error instead of a silently ignored policy.
            problems.add(key, pathOf(name), "unknown field; allowed fields are: " + String.join(", ", allowed));
            return;
        }
        NodeTuple first = fields.putIfAbsent(name, tuple);
        if (first != null) {
            problems.add(key, pathOf(name), "duplicate field; already set on line "
                    + FileProblems.line(first.getKeyNode()) + " (set each field once)");
        }
    }
}
