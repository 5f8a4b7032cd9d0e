package org.smg.policies.model;

import java.time.Duration;
import java.util.Objects;

/**
 * A program citizens enrol in (e.g. ECO, Energy Credits Online), as programs.yaml defines it.
 *
 * @param id the program's short id, e.g. "LB&I"; see {@link ProgramsFile#ID_SYNTAX}
 * @param name the full name shown to citizens
 * @param staffAddress the staff address that answers: the welcome message's sender, where replies go
 * @param welcome the message placed in a new citizen's INBOX, so the first act can be to reply
 * @param invitationLifetime how long an invitation can be accepted
 * @param terms the Terms of Service and Rules of Conduct citizens accept
 */
public record Program(String id, String name, String staffAddress, WelcomeMessage welcome,
                      Duration invitationLifetime, Terms terms) {

    public Program {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(staffAddress, "staffAddress");
        Objects.requireNonNull(welcome, "welcome");
        Objects.requireNonNull(invitationLifetime, "invitationLifetime");
        Objects.requireNonNull(terms, "terms");
    }
}
