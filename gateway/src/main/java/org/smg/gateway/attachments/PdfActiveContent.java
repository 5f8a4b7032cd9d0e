package org.smg.gateway.attachments;

/** Kinds of active content a PDF can carry that the attachment policy may refuse. */
enum PdfActiveContent {
    /** A JavaScript action (document names tree, open action, additional actions, annotation or field actions). */
    JAVASCRIPT("the PDF contains JavaScript"),
    /** A Launch action, which asks the reader to start a program or open a file. */
    LAUNCH("the PDF contains a launch action (it can start a program)"),
    /** An embedded file (names tree EmbeddedFiles, a file attachment annotation, an embedded go-to). */
    EMBEDDED_FILE("the PDF contains an embedded file");

    private final String explanation;

    PdfActiveContent(String explanation) {
        this.explanation = explanation;
    }

    String explanation() {
        return explanation;
    }
}
