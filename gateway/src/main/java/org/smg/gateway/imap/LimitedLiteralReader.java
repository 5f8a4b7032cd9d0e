package org.smg.gateway.imap;

import java.io.IOException;

import org.apache.commons.lang3.tuple.ImmutablePair;
import org.apache.james.imap.api.display.HumanReadableText;
import org.apache.james.imap.api.process.ImapSession;
import org.apache.james.imap.decode.DecodingException;
import org.apache.james.imap.decode.ImapRequestLineReader;
import org.apache.james.imap.message.Literal;

/**
 * James's request reader with the decision to read a literal taken here: James's command parsers
 * call {@link #consumeLiteral(boolean)} exactly when they read one, so the size and count limits
 * are checked at that point, before any continuation is sent and before a byte of the literal is
 * buffered. Everything else is the wrapped reader's. One instance per parse attempt of a command.
 */
final class LimitedLiteralReader extends ImapRequestLineReader {
    private static final int MAX_SIZE_DIGITS = 18;

    private final ImapRequestLineReader delegate;
    private final LiteralGate gate;
    private final ImapSession session;
    private int literalsInCommand;

    LimitedLiteralReader(ImapRequestLineReader delegate, LiteralGate gate, ImapSession session) {
        this.delegate = delegate;
        this.gate = gate;
        this.session = session;
    }

    /** Reads {@code {n}}, {@code {n+}} (RFC 7888) and then the literal, if the gate allows it. */
    @Override
    public ImmutablePair<Integer, Literal> consumeLiteral(boolean extraCRLF) throws IOException {
        consumeChar('{');
        long size = literalSize();
        boolean synchronizing = nextChar() != '+';
        if (!synchronizing) {
            consume();
        }
        consumeChar('}');
        int index = literalsInCommand++;
        gate.check(session, size, literalsInCommand);
        if (nextChar() == '\r') {
            consume();
        }
        consumeChar('\n');
        if (synchronizing) {
            gate.continueLiteral(index);
        }
        return ImmutablePair.of((int) size, delegate.read((int) size, extraCRLF));
    }

    /** The announced size; Long.MAX_VALUE stands for any size too long to parse. */
    private long literalSize() throws DecodingException {
        StringBuilder digits = new StringBuilder();
        char next = nextChar();
        while (next >= '0' && next <= '9') {
            digits.append(next);
            consume();
            next = nextChar();
        }
        if (digits.length() == 0) {
            throw new DecodingException(HumanReadableText.ILLEGAL_ARGUMENTS, "Expected a literal size");
        }
        return digits.length() > MAX_SIZE_DIGITS ? Long.MAX_VALUE : Long.parseLong(digits.toString());
    }

    @Override
    public char nextChar() throws DecodingException {
        return delegate.nextChar();
    }

    @Override
    public char consume() throws DecodingException {
        return delegate.consume();
    }

    @Override
    public Literal read(int size, boolean extraCRLF) throws IOException {
        return delegate.read(size, extraCRLF);
    }

    /** Only the base class's own literal reading asks for this, and {@link #consumeLiteral(boolean)} replaces it. */
    @Override
    protected void commandContinuationRequest() {
        throw new IllegalStateException("continuations are sent by the literal gate");
    }
}
