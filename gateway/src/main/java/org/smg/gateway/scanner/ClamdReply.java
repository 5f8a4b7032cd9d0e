package org.smg.gateway.scanner;

import org.smg.gateway.attachments.ScanResult;
import org.smg.gateway.attachments.ScannerUnavailableException;

/**
 * What clamd's answer to INSTREAM means. Only "stream: OK" is clean. A detection of ClamAV's own
 * heuristics for limits (AlertExceedsMax) or encryption (AlertEncrypted*) means the file could not be
 * scanned, not that it is a virus: unscannable. "INSTREAM size limit exceeded" is unscannable too
 * (James's ClamAVScan takes it as clean). Any other error or text is no verdict at all.
 */
final class ClamdReply {

    static final String SIZE_LIMIT_EXCEEDED = "INSTREAM size limit exceeded";

    private static final String PREFIX = "stream: ";
    private static final String FOUND = " FOUND";
    private static final String ERROR = " ERROR";

    private ClamdReply() {
    }

    static ScanResult interpret(String reply) throws ScannerUnavailableException {
        if (reply.startsWith(SIZE_LIMIT_EXCEEDED)) {
            return ScanResult.unscannable("larger than clamd's StreamMaxLength");
        }
        if (reply.endsWith(ERROR)) {
            throw new ScannerUnavailableException("clamd could not scan: " + printable(reply));
        }
        if (reply.equals(PREFIX + "OK")) {
            return ScanResult.clean();
        }
        if (reply.startsWith(PREFIX) && reply.endsWith(FOUND)) {
            String signature = reply.substring(PREFIX.length(), reply.length() - FOUND.length()).strip();
            if (signature.isEmpty()) {
                throw new ScannerUnavailableException("clamd named no signature: " + printable(reply));
            }
            return isScanLimit(signature) ? ScanResult.unscannable(signature) : ScanResult.infected(signature);
        }
        throw new ScannerUnavailableException(reply.isEmpty()
            ? "clamd closed the connection without an answer" : "clamd answered nonsense: " + printable(reply));
    }

    /** ClamAV's names for "stopped at a limit" and "could not decrypt", e.g. Heuristics.Limits.Exceeded.MaxFileSize. */
    static boolean isScanLimit(String signature) {
        return signature.startsWith("Heuristics.Limits.Exceeded") || signature.startsWith("Heuristics.Encrypted");
    }

    /** The reply for a log line: printable ASCII only, shortened, so a hostile peer cannot forge log lines. */
    static String printable(String reply) {
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < reply.length() && shown.length() < 120; i++) {
            char c = reply.charAt(i);
            shown.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return "'" + shown + "'";
    }
}
