package org.smg.policies.model;

import java.time.Duration;
import java.time.Period;
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
 * @param retention how long a record of each delivered message is kept (the file's default when left out)
 */
public record Program(String id, String name, String staffAddress, WelcomeMessage welcome,
                      Duration invitationLifetime, Terms terms, Period retention) {

    public Program {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(staffAddress, "staffAddress");
        Objects.requireNonNull(welcome, "welcome");
        Objects.requireNonNull(invitationLifetime, "invitationLifetime");
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(retention, "retention");
    }

    /** A program with the default records retention ({@link Programs#DEFAULT_RETENTION}). */
    public Program(String id, String name, String staffAddress, WelcomeMessage welcome, Duration invitationLifetime, Terms terms) {
        this(id, name, staffAddress, welcome, invitationLifetime, terms, Programs.DEFAULT_RETENTION);
    }
}
