package org.smg.policies.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.smg.policies.yaml.YamlMap;

/**
 * One named YAML file of the policy directory and the parser that turns it into its part of the model.
 * A new policy file (attachments.yaml, routing.yaml, ...) is one implementation added to {@link PolicyCatalog}.
 *
 * @param <T> the immutable model the file describes
 */
public interface PolicyFile<T> {

    /** The file's name in the policy directory, e.g. "programs.yaml". */
    String fileName();

    /** The fields allowed at the top level of the file; any other is reported as unknown. */
    List<String> topLevelFields();

    /**
     * Builds the model from the file's top-level mapping. Every problem goes to {@code root.problems()}; the
     * result is used only when the whole load found no error, so it may be empty or partial otherwise.
     *
     * @param root the top-level mapping, already limited to {@link #topLevelFields()}
     * @param directory the policy directory, against which paths written in the file resolve
     * @param earlier the models of the files loaded before this one, for references across files
     */
    Optional<T> parse(YamlMap root, Path directory, LoadedSoFar earlier);

    /**
     * The model when the file is not in the directory: empty (the default) makes a missing file an error; a file
     * whose every field has a default returns that model, so adding a new file never breaks an existing directory.
     */
    default Optional<T> whenAbsent() {
        return Optional.empty();
    }
}
