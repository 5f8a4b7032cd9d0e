package org.smg.gateway.attachments;

/** A PDF has more reachable objects than the active-content walk looks at: it cannot be checked, so it is not clean. */
final class PdfTooComplexException extends Exception {
    PdfTooComplexException(int maxObjects) {
        super("more than " + maxObjects + " objects");
    }
}
