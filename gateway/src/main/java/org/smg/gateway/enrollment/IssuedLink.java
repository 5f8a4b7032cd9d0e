package org.smg.gateway.enrollment;

/** A link just issued: the stored record and the URL with the token, which exists only in this answer. */
public record IssuedLink(Invitation invitation, String link) {
}
