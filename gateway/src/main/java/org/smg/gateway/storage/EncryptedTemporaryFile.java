package org.smg.gateway.storage;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.ref.Cleaner;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.CipherOutputStream;

/**
 * Content in flight kept on disk encrypted ({@link AesCtr}: AES-256/CTR under a random key and counter that only
 * this object holds): the plaintext never reaches the data directory, and a file left behind by a killed JVM is
 * unreadable (the temporary directory is emptied at the next start anyway). The one implementation behind every
 * spool of the gateway: SMTP DATA, the queue, mailbox bodies, copies of a mail, large IMAP literals, attachments
 * under inspection.
 *
 * <p>Written once through {@link #writer()}, then read as often as needed through {@link #open()} or, at any
 * position, {@link #channel()}. AES/CTR, not GCM: the JDK's GCM decryption holds the whole plaintext in memory
 * until the tag is checked, which is what this class exists to avoid, and counter mode lets a reader start
 * anywhere. The file is local, private (0600) and short-lived, so confidentiality is what is needed here, not
 * integrity.
 *
 * <p>{@link #close()} deletes the file; a file whose owner was never closed is deleted once the object is
 * garbage collected.
 */
public final class EncryptedTemporaryFile implements AutoCloseable {
    private static final Cleaner CLEANER = Cleaner.create();
    private static final int BUFFER = 64 * 1024;

    private final Path file;
    private final AesCtr ctr = AesCtr.random();
    private final AtomicLong size = new AtomicLong();
    private final Cleaner.Cleanable deletion;

    private EncryptedTemporaryFile(Path file) {
        this.file = file;
        this.deletion = CLEANER.register(this, new Deletion(file));
    }

    /** An empty file in the JVM's temporary directory ({@code <data>/tmp} for the gateway). */
    public static EncryptedTemporaryFile create(String prefix) throws IOException {
        return create(Path.of(System.getProperty("java.io.tmpdir")), prefix);
    }

    public static EncryptedTemporaryFile create(Path directory, String prefix) throws IOException {
        Path file = Files.createTempFile(directory, prefix, ".enc",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        return new EncryptedTemporaryFile(file);
    }

    /** The stream that fills the file; call once. Bytes written are counted in {@link #size()}. */
    public OutputStream writer() throws IOException {
        OutputStream encrypted = new CipherOutputStream(new BufferedOutputStream(Files.newOutputStream(file), BUFFER), ctr.at(0));
        return new FilterOutputStream(encrypted) {
            @Override
            public void write(int b) throws IOException {
                out.write(b);
                size.incrementAndGet();
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
                size.addAndGet(len);
            }
        };
    }

    /** The plaintext from the start; each call gives an independent stream. */
    public InputStream open() throws IOException {
        return new BufferedInputStream(Channels.newInputStream(channel()), BUFFER);
    }

    /** Read-only random access to the plaintext written so far (call after the writer is closed). */
    public SeekableByteChannel channel() throws IOException {
        return new DecryptingChannel(FileChannel.open(file, StandardOpenOption.READ), ctr, size.get());
    }

    /** Plaintext bytes written so far. */
    public long size() {
        return size.get();
    }

    /** Copies {@code in} to the file and returns the number of bytes copied. */
    public long fill(InputStream in) throws IOException {
        try (OutputStream out = writer()) {
            return in.transferTo(out);
        }
    }

    @Override
    public void close() {
        deletion.clean();
    }

    @Override
    public String toString() {
        return "EncryptedTemporaryFile[" + size.get() + " bytes]";
    }

    /** Holds no reference to the owner, so the owner can become unreachable. */
    private static final class Deletion implements Runnable {
        private final Path file;

        private Deletion(Path file) {
            this.file = file;
        }

        @Override
        public void run() {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete the temporary file " + file.getFileName(), e);
            }
        }
    }
}
