package org.smg.gateway.scanner;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One connection to clamd, with a deadline on every wait. A blocking {@link SocketChannel} has no
 * read timeout, and a clamd that stops reading would block a writer forever; so the channel is
 * non-blocking and each connect, write and read waits on a selector for at most {@code timeout}
 * without progress.
 */
final class ClamdConnection implements AutoCloseable {

    /** clamd's replies are one short line; anything longer is not clamd. */
    static final int MAX_REPLY = 1024;

    private final SocketChannel channel;
    private final Selector selector;
    private final long timeoutMillis;

    private ClamdConnection(SocketChannel channel, Selector selector, Duration timeout) {
        this.channel = channel;
        this.selector = selector;
        this.timeoutMillis = Math.max(1, timeout.toMillis());
    }

    static ClamdConnection open(ClamdAddress address, Duration timeout) throws IOException {
        SocketChannel channel = SocketChannel.open(address.family());
        Selector selector = null;
        try {
            channel.configureBlocking(false);
            selector = Selector.open();
            ClamdConnection connection = new ClamdConnection(channel, selector, timeout);
            if (!channel.connect(address.socketAddress())) {
                connection.await(SelectionKey.OP_CONNECT, "connecting to clamd at " + address);
                channel.finishConnect();
            }
            return connection;
        } catch (IOException | RuntimeException e) {
            if (selector != null) {
                selector.close();
            }
            channel.close();
            throw e;
        }
    }

    /** Writes every remaining byte of the buffers, in order. */
    void write(ByteBuffer... buffers) throws IOException {
        while (hasRemaining(buffers)) {
            if (channel.write(buffers) == 0) {
                await(SelectionKey.OP_WRITE, "clamd did not take data");
            }
        }
    }

    /** Reads clamd's reply up to its terminating NUL (the z-prefixed commands) or the end of the stream. */
    String readReply() throws IOException {
        ByteBuffer reply = ByteBuffer.allocate(MAX_REPLY);
        while (true) {
            int read = channel.read(reply);
            if (read < 0) {
                break;
            }
            if (read == 0) {
                if (!reply.hasRemaining()) {
                    throw new IOException("clamd's reply is longer than " + MAX_REPLY + " bytes");
                }
                await(SelectionKey.OP_READ, "clamd did not answer");
                continue;
            }
            if (reply.get(reply.position() - 1) == 0) {
                reply.position(reply.position() - 1);
                break;
            }
        }
        reply.flip();
        return StandardCharsets.US_ASCII.decode(reply).toString().strip();
    }

    private void await(int operation, String what) throws IOException {
        SelectionKey key = channel.register(selector, operation);
        try {
            if (selector.select(timeoutMillis) == 0) {
                throw new SocketTimeoutException(what + " within " + timeoutMillis + " ms");
            }
        } finally {
            key.interestOps(0);
            selector.selectedKeys().clear();
        }
    }

    private static boolean hasRemaining(ByteBuffer[] buffers) {
        for (ByteBuffer buffer : buffers) {
            if (buffer.hasRemaining()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        try {
            selector.close();
        } finally {
            channel.close();
        }
    }
}
