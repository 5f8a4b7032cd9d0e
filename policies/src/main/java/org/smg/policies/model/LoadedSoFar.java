package org.smg.policies.model;

import java.util.List;
import java.util.Optional;

/**
 * The models of the policy files loaded before the one being parsed, for references across files, and the mail
 * domains the gateway serves, for addresses that must (or must not) be the gateway's own.
 */
public interface LoadedSoFar {

    /**
     * The model of an earlier file of the same load.
     *
     * @return empty when that file had errors (already reported, so a reference to it is not checked again) or
     *     comes later in {@link PolicyCatalog}'s order
     */
    <T> Optional<T> model(PolicyFile<T> file);

    /**
     * The gateway's mail domains in lower case (gateway.domains of gateway.properties), when the loader was given
     * them; empty when it was not (a unit test of one file), and then checks against them are skipped.
     */
    default List<String> gatewayDomains() {
        return List.of();
    }
}
