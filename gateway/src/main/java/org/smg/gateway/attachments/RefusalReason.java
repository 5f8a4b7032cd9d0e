package org.smg.gateway.attachments;

/**
 * Why a message was refused, with the SMTP reply it gets when the refusal is decided in the session
 * (552 5.3.4 for sizes, 554 5.7.1 for content) and a stable code for the audit trail and the quarantine.
 */
public enum RefusalReason {
    FILE_TOO_LARGE("file-too-large", 552, "5.3.4"),
    MESSAGE_TOO_LARGE("message-too-large", 552, "5.3.4"),
    TOO_MANY_ATTACHMENTS("too-many-attachments", 554, "5.7.1"),
    TYPE_NOT_ALLOWED("type-not-allowed", 554, "5.7.1"),
    /** The name says one type, the bytes another (an EXE named .pdf, a plain ZIP named .docx). */
    NAME_MISMATCH("name-mismatch", 554, "5.7.1"),
    MACRO_ENABLED("macro-enabled", 554, "5.7.1"),
    /** Encrypted archives and PDFs cannot be scanned. */
    ENCRYPTED("encrypted", 554, "5.7.1"),
    PDF_ACTIVE_CONTENT("pdf-active-content", 554, "5.7.1"),
    /** Depth, entry count, expanded size or ratio beyond the policy's archive limits; includes zip bombs. */
    ARCHIVE_LIMIT("archive-limit", 554, "5.7.1"),
    VIRUS("virus", 554, "5.7.1"),
    /** Beyond the scanner's limits: unscannable is not clean. */
    UNSCANNABLE("unscannable", 554, "5.7.1"),
    /** The MIME structure itself could not be read. */
    MALFORMED("malformed", 554, "5.7.1");

    private final String code;
    private final int smtpCode;
    private final String enhancedCode;

    RefusalReason(String code, int smtpCode, String enhancedCode) {
        this.code = code;
        this.smtpCode = smtpCode;
        this.enhancedCode = enhancedCode;
    }

    /** Stable lower-case code used in the audit trail, the quarantine and JSON. */
    public String code() {
        return code;
    }

    public int smtpCode() {
        return smtpCode;
    }

    public String enhancedCode() {
        return enhancedCode;
    }
}
