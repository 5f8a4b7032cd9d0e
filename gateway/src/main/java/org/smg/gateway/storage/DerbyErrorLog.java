package org.smg.gateway.storage;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Derby's error log ({@code derby.log}), kept in the data directory with mode 0600 and never
 * holding a failed statement's text or parameters: they can carry envelope data (addresses,
 * message ids) and, for James's mailbox tables, message content.
 *
 * <p>When Derby reports an error it writes, in one block, a header, {@code "Failed Statement
 * is: <sql> with N parameters begin parameter #1: <value> ..."} and the exception's stack trace,
 * then flushes. Derby has no switch to leave the statement out (its
 * {@code derby.stream.error.logSeverityLevel} only chooses which errors are reported, and
 * errors of other kinds are reported whatever it says), so this writer, installed through
 * {@code derby.stream.error.method}, drops each block from that marker on, the stack trace
 * included (a message such as 22001's truncation error quotes the value), and writes a notice
 * in its place. The header before the marker (time, thread, transaction and session ids) is kept.
 *
 * <p>Derby opens its error stream once per JVM; the file it goes to is set by
 * {@link #writeTo(Path)} before each database boots.
 */
public final class DerbyErrorLog extends Writer {
    static final String STATEMENT_MARKER = "Failed Statement is:";
    static final String WITHHELD = "Failed statement, its parameters and the error details withheld (they can carry mail data)";

    private static volatile Path file;

    private final StringBuilder pending = new StringBuilder();

    private DerbyErrorLog() {
    }

    /** Called by Derby ({@code derby.stream.error.method}) when its engine boots. */
    public static Writer open() {
        return new DerbyErrorLog();
    }

    /** Sends what Derby reports from now on to {@code target}. */
    static void writeTo(Path target) {
        file = target.toAbsolutePath().normalize();
    }

    /** {@code block} without anything from a failed statement's text on. */
    static String redact(String block) {
        int marker = block.indexOf(STATEMENT_MARKER);
        if (marker < 0) {
            return block;
        }
        return block.substring(0, marker) + WITHHELD + System.lineSeparator();
    }

    @Override
    public void write(char[] characters, int offset, int length) {
        synchronized (lock) {
            pending.append(characters, offset, length);
        }
    }

    @Override
    public void flush() throws IOException {
        String block;
        synchronized (lock) {
            block = redact(pending.toString());
            pending.setLength(0);
        }
        Path target = file;
        if (block.isEmpty() || target == null) {
            return;
        }
        if (Files.notExists(target)) {
            try {
                Files.createFile(target, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // another flush created it
            }
        }
        Files.writeString(target, block, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
