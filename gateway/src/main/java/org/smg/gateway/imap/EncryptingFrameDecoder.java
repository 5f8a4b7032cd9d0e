package org.smg.gateway.imap;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;

import org.apache.james.imap.api.ImapMessage;
import org.apache.james.imap.api.ImapSessionState;
import org.apache.james.imap.api.process.ImapSession;
import org.apache.james.imap.decode.DecodingException;
import org.apache.james.imap.decode.ImapDecoder;
import org.apache.james.imap.decode.ImapRequestLineReader;
import org.apache.james.imapserver.netty.ImapRequestFrameDecoder;
import org.apache.james.imapserver.netty.NettyImapRequestLineReader;
import org.apache.james.imapserver.netty.NettyImapRequestLineReader.NotEnoughDataException;
import org.smg.gateway.storage.EncryptedTemporaryFile;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * James's IMAP frame decoder, except where a large command goes. James's decoder keeps a command in memory until
 * the literal it waits for is larger than {@code inMemorySizeLimit} (10 MiB by default), then copies the command,
 * literal included, to a plain-text {@code imap-literal*.tmp} in the JVM's temporary directory
 * ({@code ImapRequestFrameDecoder.FileChunkConsumer}). This one makes the same decisions at the same points
 * (parse, wait for the announced size, spool above the limit, parse again from the spool) but spools to an
 * {@link EncryptedTemporaryFile}, and keeps the bytes that follow the command for the next one. One per connection.
 */
final class EncryptingFrameDecoder extends ImapRequestFrameDecoder {
    private static final int NONE = -2;

    private final ImapDecoder decoder;
    private final int inMemorySizeLimit;
    private final int literalSizeLimit;
    private final Deque<ChannelInboundHandlerAdapter> overrides = new ConcurrentLinkedDeque<>();
    /** Bytes the command being read needs in all, {@link NotEnoughDataException#UNKNOWN_SIZE} or {@link #NONE}. */
    private int needed = NONE;
    private Upload upload;

    EncryptingFrameDecoder(ImapDecoder decoder, int inMemorySizeLimit, int literalSizeLimit, int maxFrameLength) {
        super(decoder, inMemorySizeLimit, literalSizeLimit, maxFrameLength);
        this.decoder = decoder;
        this.inMemorySizeLimit = inMemorySizeLimit;
        this.literalSizeLimit = literalSizeLimit;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
        ChannelInboundHandlerAdapter override = overrides.peekFirst();
        if (override != null) {
            override.channelRead(ctx, in);
            return;
        }
        if (upload != null) {
            continueUpload(ctx, in, out);
            return;
        }
        if (needed > in.readableBytes()) {
            if (inMemorySizeLimit > 0 && needed > inMemorySizeLimit) {
                upload = new Upload(needed);
                continueUpload(ctx, in, out);
            }
            return;
        }
        int start = in.readerIndex();
        try {
            boolean retry = needed != NONE;
            parse(ctx, new NettyImapRequestLineReader(ctx.channel(), in, retry, literalSizeLimit), needed < 0, out);
        } catch (NotEnoughDataException e) {
            needed = e.getNeededSize();
            disableFraming(ctx);
            in.readerIndex(start);
        }
    }

    private void continueUpload(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws IOException {
        upload.write(in);
        if (!upload.complete()) {
            return;
        }
        EncryptedTemporaryFile file = upload.finish();
        upload = null;
        // Not closed here: a literal read with its CRLF asks the reader for that CRLF when James stores it, later.
        EncryptedCommandReader reader = new EncryptedCommandReader(file);
        try {
            parse(ctx, reader, false, out);
        } catch (NotEnoughDataException e) {
            // Only a refused literal gets here (the gate closes the connection): nothing will read the file.
            file.close();
        }
    }

    private void parse(ChannelHandlerContext ctx, ImapRequestLineReader reader, boolean lineMode, List<Object> out)
            throws DecodingException {
        ImapSession session = ctx.channel().attr(IMAP_SESSION_ATTRIBUTE_KEY).get();
        if (session == null || session.getState() == ImapSessionState.LOGOUT) {
            // As James: the channel is already closing while bytes were still buffered.
            if (ctx.channel().isActive()) {
                ctx.channel().writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
            }
            return;
        }
        ImapMessage message = decoder.decode(reader, session);
        if (lineMode) {
            reader.consumeLine();
        }
        enableFraming(ctx);
        needed = NONE;
        out.add(message);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (upload != null) {
            upload.abandon();
            upload = null;
        }
        super.channelInactive(ctx);
    }

    @Override
    public void pushLineHandler(ChannelInboundHandlerAdapter lineHandlerUpstreamHandler) {
        overrides.addFirst(lineHandlerUpstreamHandler);
    }

    @Override
    public void popLineHandler() {
        overrides.pollFirst();
    }

    /** The command being spooled: the first {@code size} bytes from its start, the rest left for the next command. */
    private static final class Upload {
        private final EncryptedTemporaryFile file;
        private final OutputStream out;
        private final int size;
        private int written;

        Upload(int size) throws IOException {
            this.size = size;
            this.file = EncryptedTemporaryFile.create("imap-literal-");
            this.out = file.writer();
        }

        void write(ByteBuf in) throws IOException {
            int amount = Math.min(in.readableBytes(), size - written);
            in.readBytes(out, amount);
            written += amount;
        }

        boolean complete() {
            return written == size;
        }

        EncryptedTemporaryFile finish() throws IOException {
            out.close();
            return file;
        }

        void abandon() {
            try {
                out.close();
            } catch (IOException e) {
                // The file is deleted below; nothing else reads it.
            }
            file.close();
        }
    }
}
