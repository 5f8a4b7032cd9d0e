package org.smg.policies.yaml;

import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** A non-empty YAML list of a policy file; its items' paths carry their 0-based index, e.g. "programs[2]". */
public final class YamlList {

    private final SequenceNode node;
    private final String path;
    private final FileProblems problems;

    YamlList(SequenceNode node, String path, FileProblems problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
    }

    /** The field path of the list. */
    public String path() {
        return path;
    }

    /** How many items the list has, valid or not. */
    public int size() {
        return node.getValue().size();
    }

    /** The items that are valid scalars of the type, in order; each other item is reported on its own line. */
    public <T> List<T> scalars(ValueType<T> type) {
        List<T> values = new ArrayList<>();
        List<Node> items = node.getValue();
        for (int index = 0; index < items.size(); index++) {
            YamlMap.scalar(items.get(index), path + "[" + index + "]", type, problems).ifPresent(values::add);
        }
        return values;
    }

    /** The items that are mappings, each allowing only the given fields; other items are reported. */
    public List<YamlMap> maps(String... allowedFields) {
        List<YamlMap> maps = new ArrayList<>();
        List<Node> items = node.getValue();
        for (int index = 0; index < items.size(); index++) {
            YamlMap.of(items.get(index), path + "[" + index + "]", problems, List.of(allowedFields))
                    .ifPresent(maps::add);
        }
        return maps;
    }
}
