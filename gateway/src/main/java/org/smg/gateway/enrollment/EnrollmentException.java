package org.smg.gateway.enrollment;

/**
 * A request the enrollment rules refuse, with a message meant for the person who made it
 * (administrator or citizen) and a kind the HTTP layers map to a status.
 */
public final class EnrollmentException extends Exception {
    public enum Kind {
        /** The input is malformed or breaks a rule: 400. */
        INVALID,
        /** No such invitation or account: 404. */
        NOT_FOUND,
        /** The thing exists but its state does not allow this: 409. */
        CONFLICT
    }

    private final Kind kind;

    public EnrollmentException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public static EnrollmentException invalid(String message) {
        return new EnrollmentException(Kind.INVALID, message);
    }

    public static EnrollmentException notFound(String message) {
        return new EnrollmentException(Kind.NOT_FOUND, message);
    }

    public static EnrollmentException conflict(String message) {
        return new EnrollmentException(Kind.CONFLICT, message);
    }
}
