package org.smg.policies.model;

import java.util.Objects;

/**
 * A subject a citizen can write about, as routing.yaml defines it: each topic has its own address at the gateway
 * (the id is its local part) and leads to one staff route.
 *
 * @param id lower-case letters, digits and '-', e.g. "eco-credits"; unique across the gateway
 * @param programId the program whose citizens may write to the topic, e.g. "ECO"
 * @param label the one line citizens see when they choose a topic
 * @param routeId the id of the {@link StaffRoute} the topic's mail goes to
 */
public record Topic(String id, String programId, String label, String routeId) {

    public Topic {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(programId, "programId");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(routeId, "routeId");
    }
}
