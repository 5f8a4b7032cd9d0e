package org.smg.gateway.attachments;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;

/**
 * The media type of a file from its bytes only: Tika core's magic patterns, then, for anything ZIP-based, our reading
 * of the archive's directory for OOXML and ODF (see {@link ZipContainerType}). No file name and no declared type goes
 * into the decision: Tika would let a name break a tie, and the name is exactly what a sender can lie about.
 */
public final class TypeDetector {
    /** Central directories above this (about 20,000 entries at least) are not opened for detection. */
    public static final long DEFAULT_MAX_ZIP_DIRECTORY = 4L * 1024 * 1024;

    private static final MimeTypes MAGIC = MimeTypes.getDefaultMimeTypes();
    private static final MediaType EMPTY = MediaType.TEXT_PLAIN;

    private final ZipContainerType containers;

    public TypeDetector() {
        this(DEFAULT_MAX_ZIP_DIRECTORY);
    }

    public TypeDetector(long maxZipDirectorySize) {
        this.containers = new ZipContainerType(maxZipDirectorySize);
    }

    /** The media type, without parameters, for example {@code application/pdf}; never null. */
    public String detect(SpooledContent content) throws IOException {
        MediaType magic = content.size() == 0 ? EMPTY : magic(content);
        if (isZip(magic)) {
            return containers.of(content).orElse(magic.getBaseType().toString());
        }
        return magic.getBaseType().toString();
    }

    private static MediaType magic(SpooledContent content) throws IOException {
        try (InputStream in = new BufferedInputStream(content.open(), Math.max(MAGIC.getMinLength(), 8192))) {
            return MAGIC.detect(in, new Metadata());
        }
    }

    private static boolean isZip(MediaType type) {
        return MAGIC.getMediaTypeRegistry().isInstanceOf(type.getBaseType(), MediaType.APPLICATION_ZIP);
    }
}
