package org.smg.gateway.enrollment;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A single-use link: an invitation to register, or an administrator's password reset. The
 * token itself is never stored, only its hash ({@link LinkTokens}).
 *
 * @param id the public id administrators use (not the token)
 * @param purpose invitation or password reset
 * @param address the secure inbox the link is for
 * @param program the program invited to; empty for a reset
 * @param email the external address it was issued for
 * @param name the person's name
 * @param business the business identity the registrant must type, for a business invitation
 * @param tokenHash hex SHA-256 of the token
 * @param created when it was issued
 * @param expires when it stops working
 * @param state its stored state (an expired pending link is reported as expired by {@link #stateAt})
 * @param failedTries wrong business identities typed so far
 * @param issuedBy the audit actor who issued it
 */
public record Invitation(String id, LinkPurpose purpose, String address, Optional<String> program, String email, String name,
                         Optional<BusinessIdentity> business, String tokenHash, Instant created, Instant expires,
                         InvitationState state, int failedTries, String issuedBy) {
    public static final int MAX_FAILED_TRIES = 5;

    public Invitation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(program, "program");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(business, "business");
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(expires, "expires");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(issuedBy, "issuedBy");
    }

    /** The state as a reader sees it now: a pending link past its expiry is expired. */
    public InvitationState stateAt(Instant now) {
        return state == InvitationState.PENDING && !now.isBefore(expires) ? InvitationState.EXPIRED : state;
    }

    public Invitation withState(InvitationState newState) {
        return new Invitation(id, purpose, address, program, email, name, business, tokenHash, created, expires, newState, failedTries, issuedBy);
    }

    public Invitation withFailedTries(int tries) {
        return new Invitation(id, purpose, address, program, email, name, business, tokenHash, created, expires, state, tries, issuedBy);
    }
}
