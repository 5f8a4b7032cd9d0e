package org.smg.gateway.enrollment;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the gateway knows of a citizen besides the credentials (which James's users repository keeps).
 *
 * @param address the secure inbox address, also the login name
 * @param displayName the person's name as the invitation gave it
 * @param email the external address content-free notices go to
 * @param programs the ids of the programs the citizen was invited to, in the order of invitation
 * @param state where the account stands
 * @param acceptedTerms the terms accepted, as {@link TermsAcceptance#canonical} wrote them; empty when none
 * @param termsAcceptedAt when they were accepted
 * @param business the business identity, for a business account
 * @param created when the account was first invited
 */
public record Account(String address, String displayName, String email, List<String> programs, AccountState state,
                      Optional<String> acceptedTerms, Optional<Instant> termsAcceptedAt, Optional<BusinessIdentity> business,
                      Instant created) {

    public Account {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(email, "email");
        programs = List.copyOf(programs);
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(acceptedTerms, "acceptedTerms");
        Objects.requireNonNull(termsAcceptedAt, "termsAcceptedAt");
        Objects.requireNonNull(business, "business");
        Objects.requireNonNull(created, "created");
    }

    public Account withState(AccountState newState) {
        return new Account(address, displayName, email, programs, newState, acceptedTerms, termsAcceptedAt, business, created);
    }

    public Account withTerms(String canonicalTerms, Instant acceptedAt) {
        return new Account(address, displayName, email, programs, state, Optional.of(canonicalTerms), Optional.of(acceptedAt), business, created);
    }

    public Account withProgram(String program) {
        if (programs.contains(program)) {
            return this;
        }
        List<String> more = new java.util.ArrayList<>(programs);
        more.add(program);
        return new Account(address, displayName, email, more, state, acceptedTerms, termsAcceptedAt, business, created);
    }

    public Account withContact(String newDisplayName, String newEmail, Optional<BusinessIdentity> newBusiness) {
        return new Account(address, newDisplayName, newEmail, programs, state, acceptedTerms, termsAcceptedAt,
            newBusiness.isPresent() ? newBusiness : business, created);
    }
}
