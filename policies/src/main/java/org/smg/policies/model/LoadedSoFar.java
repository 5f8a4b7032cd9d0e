package org.smg.policies.model;

import java.util.Optional;

/** The models of the policy files loaded before the one being parsed, for references across files. */
public interface LoadedSoFar {

    /**
     * The model of an earlier file of the same load.
     *
     * @return empty when that file had errors (already reported, so a reference to it is not checked again) or
     *     comes later in {@link PolicyCatalog}'s order
     */
    <T> Optional<T> model(PolicyFile<T> file);
}
