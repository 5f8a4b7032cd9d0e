package org.smg.gateway.imap;

/**
 * Thrown by {@link LimitedLiteralReader} when a literal may not be read; unchecked so that James's
 * command parsers, which turn {@code DecodingException}s into {@code BAD} answers, let it through.
 */
final class LiteralRefused extends RuntimeException {
    LiteralRefused(String reason) {
        super(reason, null, false, false);
    }
}
