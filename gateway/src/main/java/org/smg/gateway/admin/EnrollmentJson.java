package org.smg.gateway.admin;

import java.time.Instant;

import org.smg.gateway.enrollment.Account;
import org.smg.gateway.enrollment.Invitation;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The JSON shapes of invitations and accounts on WebAdmin (and so in {@code bin/smg --json}). */
final class EnrollmentJson {
    private EnrollmentJson() {
    }

    static ObjectNode invitation(Invitation invitation, Instant now) {
        ObjectNode json = JsonBodies.JSON.createObjectNode();
        json.put("id", invitation.id());
        json.put("program", invitation.program().orElse(null));
        json.put("email", invitation.email());
        json.put("name", invitation.name());
        json.put("address", invitation.address());
        invitation.business().ifPresent(business -> {
            json.put("ein", business.ein());
            json.put("entityName", business.entityName());
        });
        json.put("state", invitation.stateAt(now).word());
        json.put("created", invitation.created().toString());
        json.put("expires", invitation.expires().toString());
        json.put("issuedBy", invitation.issuedBy());
        return json;
    }

    static ObjectNode account(Account account) {
        ObjectNode json = JsonBodies.JSON.createObjectNode();
        json.put("address", account.address());
        json.put("email", account.email());
        json.put("name", account.displayName());
        json.put("state", account.state().word());
        account.programs().forEach(json.putArray("programs")::add);
        if (account.programs().isEmpty()) {
            json.putArray("programs");
        }
        json.put("termsAccepted", account.acceptedTerms().orElse(null));
        json.put("termsAcceptedAt", account.termsAcceptedAt().map(Instant::toString).orElse(null));
        account.business().ifPresent(business -> {
            json.put("ein", business.ein());
            json.put("entityName", business.entityName());
        });
        json.put("created", account.created().toString());
        return json;
    }
}
