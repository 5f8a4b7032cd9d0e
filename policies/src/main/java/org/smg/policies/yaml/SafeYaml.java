package org.smg.policies.yaml;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a policy file into SnakeYAML's node tree, whose marks give every value its line, and refuses what a
 * policy file never needs and an attacker could use.
 *
 * <p>Nothing is ever constructed into Java objects, so no tag can instantiate a class. Before composing, one
 * pass over the parser's events refuses anchors and aliases (a "billion laughs" document expands a few lines of
 * aliases into billions of nodes for whoever walks the tree), explicit tags and a second document. The file's
 * size and its nesting are bounded too, so a hostile or broken file costs milliseconds, not memory.
 */
public final class SafeYaml {

    /** Policy files are hand-written and small; a larger file is a mistake or an attack. */
    public static final int MAX_BYTES = 1024 * 1024;
    /** Deeper than any policy file's shape, shallow enough to keep the composer's recursion short. */
    public static final int MAX_NESTING = 20;

    static final String NO_ALIASES = "anchors (&name) and aliases (*name) are not allowed in policy files;"
            + " write each value out";
    static final String NO_TAGS = "explicit tags (such as !!str or !java.Class) are not allowed in policy files;"
            + " write the plain value";
    static final String ONE_DOCUMENT = "a second YAML document ('---') is not allowed; one document per file";

    private SafeYaml() {
    }

    /**
     * Reads the file, which must exist; an empty result means it was refused and the reasons were reported.
     *
     * @param file the file to read
     * @param problems where errors go, named as the administrator gave the file
     */
    public static Optional<Node> read(Path file, FileProblems problems) {
        try {
            if (Files.isDirectory(file)) {
                problems.add(0, "", "is a directory; expected a YAML file");
                return Optional.empty();
            }
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                problems.add(0, "", "file too large (" + size + " bytes); expected at most " + MAX_BYTES + " bytes");
                return Optional.empty();
            }
            return parse(StrictUtf8.decode(Files.readAllBytes(file)), problems);
        } catch (NoSuchFileException missing) {
            problems.add(0, "", "file not found");
        } catch (CharacterCodingException notText) {
            problems.add(0, "", "not valid UTF-8 text; expected a YAML file in UTF-8");
        } catch (IOException unreadable) {
            problems.add(0, "", "cannot be read (" + unreadable.getClass().getSimpleName() + ")");
        }
        return Optional.empty();
    }

    /** Parses already-read text; an empty result means it was refused (or empty) and the reasons were reported. */
    public static Optional<Node> parse(String text, FileProblems problems) {
        // Editors on Windows may prepend a byte-order mark.
        String yaml = text.startsWith("\uFEFF") ? text.substring(1) : text;
        int before = problems.count();
        try {
            refuseUnsafeEvents(yaml, problems);
            if (problems.count() > before) {
                return Optional.empty();
            }
            Node root = newYaml().compose(new StringReader(yaml));
            if (root == null) {
                problems.add(0, "", "the file is empty; expected a YAML mapping");
            }
            return Optional.ofNullable(root);
        } catch (MarkedYAMLException malformed) {
            problems.add(FileProblems.line(malformed.getProblemMark()), "", "not valid YAML: " + describe(malformed));
        } catch (YAMLException refused) {
            // Limits (nesting, size) end here; SnakeYAML's message names the limit.
            problems.add(0, "", "refused: " + refused.getMessage());
        }
        return Optional.empty();
    }

    private static void refuseUnsafeEvents(String yaml, FileProblems problems) {
        boolean aliasReported = false;
        int documents = 0;
        for (Event event : newYaml().parse(new StringReader(yaml))) {
            int line = FileProblems.line(event.getStartMark());
            if (event instanceof DocumentStartEvent && ++documents == 2) {
                problems.add(line, "", ONE_DOCUMENT);
            }
            boolean usesAlias = event instanceof AliasEvent
                    || event instanceof NodeEvent && ((NodeEvent) event).getAnchor() != null;
            if (usesAlias && !aliasReported) {
                // One report is enough: a billion-laughs file would otherwise produce a hundred identical lines.
                problems.add(line, "", NO_ALIASES);
                aliasReported = true;
            }
            if (explicitTag(event)) {
                problems.add(line, "", NO_TAGS);
            }
        }
    }

    private static boolean explicitTag(Event event) {
        if (event instanceof ScalarEvent) {
            return ((ScalarEvent) event).getTag() != null;
        }
        return event instanceof CollectionStartEvent && ((CollectionStartEvent) event).getTag() != null;
    }

    private static Yaml newYaml() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_BYTES);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setMaxAliasesForCollections(0);
        options.setAllowRecursiveKeys(false);
        options.setAllowDuplicateKeys(false);
        options.setMergeOnCompose(false);
        options.setProcessComments(false);
        return new Yaml(options);
    }

    private static String describe(MarkedYAMLException malformed) {
        String problem = malformed.getProblem() == null ? "syntax error" : malformed.getProblem();
        return malformed.getContext() == null ? problem : problem + " (" + malformed.getContext() + ")";
    }
}
