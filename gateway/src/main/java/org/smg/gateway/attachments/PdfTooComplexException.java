package org.smg.gateway.attachments;

/** A PDF is beyond what its checks look at (objects, expanded object streams): it cannot be checked, so it is not clean. */
final class PdfTooComplexException extends Exception {
    PdfTooComplexException(String what) {
        super(what);
    }
}
