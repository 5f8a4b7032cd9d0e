package org.smg.gateway.consent;

/** What a session opened under a consent keeps: the consent, asked again at every command, and its scope. */
public record DelegatedSession(long consentId, String representative, String citizen, ConsentScope scope) {
    /** The session attribute under which IMAP keeps it. */
    public static final String ATTRIBUTE = "org.smg.gateway.consent.delegatedSession";

    public static DelegatedSession of(Consent consent) {
        return new DelegatedSession(consent.id(), consent.representative(), consent.citizen(), consent.scope());
    }
}
