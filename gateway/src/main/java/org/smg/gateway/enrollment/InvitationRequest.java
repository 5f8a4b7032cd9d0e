package org.smg.gateway.enrollment;

import java.util.Optional;

/**
 * What an administrator asks for: {@code {"program", "email", "name"}} and, for a business,
 * {@code "ein"} and {@code "entityName"}. Checked by {@link Enrollment#invite}.
 */
public record InvitationRequest(String program, String email, String name, Optional<String> ein, Optional<String> entityName) {
}
