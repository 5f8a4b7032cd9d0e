package org.smg.policies.model;

import java.util.Objects;

/**
 * Where citizen mail goes: a staff member's or a team's address outside the gateway, and the display name the
 * citizen sees in the {@code From:} of that staff's answers.
 *
 * @param id lower-case letters, digits and '-', e.g. "eco-team"; topics name it
 * @param address the staff address, never in the gateway's own domains
 * @param displayName a plain one-line name, without '@', '&lt;', '&gt;', quotes or control characters
 */
public record StaffRoute(String id, String address, String displayName) {

    public StaffRoute {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(displayName, "displayName");
    }
}
