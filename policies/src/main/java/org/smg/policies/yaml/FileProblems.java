package org.smg.policies.yaml;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.smg.policies.settings.SettingsError;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Collects every error of one policy file, each placed on a line and a field path such as
 * {@code programs[2].staffAddress}. Reading goes on after an error, so the administrator sees them all at once.
 */
public final class FileProblems {

    private final String file;
    private final List<SettingsError> errors = new ArrayList<>();

    /** @param file the file as errors name it, e.g. "conf/policies/programs.yaml" */
    public FileProblems(String file) {
        this.file = file;
    }

    /** The file as errors name it. */
    public String file() {
        return file;
    }

    /** Records an error on a 1-based line (0 when it concerns the whole file); field "" for the file itself. */
    public void add(int line, String field, String message) {
        errors.add(new SettingsError(file, line, field, message));
    }

    /** Records an error on the line where the node starts. */
    public void add(Node node, String field, String message) {
        add(line(node), field, message);
    }

    /** True when no error was recorded. */
    public boolean isEmpty() {
        return errors.isEmpty();
    }

    /** How many errors were recorded so far; a parser compares counts to tell whether a part was clean. */
    public int count() {
        return errors.size();
    }

    /** Every error, in line order; errors of the whole file (line 0) first. */
    public List<SettingsError> errors() {
        List<SettingsError> sorted = new ArrayList<>(errors);
        sorted.sort(Comparator.comparingInt(SettingsError::line));
        return List.copyOf(sorted);
    }

    /** The 1-based line where the node starts (SnakeYAML counts from 0). */
    public static int line(Node node) {
        return line(node.getStartMark());
    }

    static int line(Mark mark) {
        return mark == null ? 0 : mark.getLine() + 1;
    }
}
