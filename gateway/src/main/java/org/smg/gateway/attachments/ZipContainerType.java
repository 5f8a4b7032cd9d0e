package org.smg.gateway.attachments;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

import javax.xml.stream.XMLStreamException;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.io.input.BoundedInputStream;

/**
 * Decides what a ZIP-based file is from its central directory: an Office Open XML package (its
 * {@code [Content_Types].xml}), an OpenDocument file (its {@code mimetype} entry), or neither. Tika's core only guesses
 * from the first local header, which depends on the order the writer chose; its container detector needs POI.
 */
final class ZipContainerType {
    private static final String CONTENT_TYPES = "[Content_Types].xml";
    private static final String ODF_MIMETYPE = "mimetype";
    private static final int MAX_CONTENT_TYPES_XML = 1024 * 1024;
    private static final int MAX_MIMETYPE = 128;
    private static final Pattern ODF_TYPE = Pattern.compile("application/vnd\\.oasis\\.opendocument\\.[a-z.-]{1,60}");

    private final long maxDirectorySize;

    /** @param maxDirectorySize the largest central directory this reads (commons-compress holds it in the heap) */
    ZipContainerType(long maxDirectorySize) {
        this.maxDirectorySize = maxDirectorySize;
    }

    /** The OOXML or ODF media type, or empty for any other ZIP, an unreadable one, or one too large to open here. */
    Optional<String> of(SpooledContent content) throws IOException {
        try (SeekableByteChannel channel = content.channel()) {
            OptionalLong directorySize = ZipDirectorySize.of(channel);
            if (directorySize.isEmpty() || directorySize.getAsLong() > maxDirectorySize) {
                return Optional.empty();
            }
            channel.position(0);
            try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(channel).setIgnoreLocalFileHeader(true).get()) {
                return ooxml(zip).or(() -> odf(zip));
            } catch (IOException | XMLStreamException | RuntimeException e) {
                // Damaged or hostile archive: not a document we can name; the archive check refuses what it cannot read.
                return Optional.empty();
            }
        }
    }

    private static Optional<String> ooxml(ZipFile zip) throws IOException, XMLStreamException {
        ZipArchiveEntry entry = zip.getEntry(CONTENT_TYPES);
        if (entry == null) {
            return Optional.empty();
        }
        try (InputStream xml = bounded(zip.getInputStream(entry), MAX_CONTENT_TYPES_XML)) {
            return Optional.of(OoxmlContentTypes.packageType(xml));
        }
    }

    private static Optional<String> odf(ZipFile zip) {
        ZipArchiveEntry entry = zip.getEntry(ODF_MIMETYPE);
        if (entry == null) {
            return Optional.empty();
        }
        try (InputStream in = bounded(zip.getInputStream(entry), MAX_MIMETYPE)) {
            String type = new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
            return ODF_TYPE.matcher(type).matches() ? Optional.of(type) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static InputStream bounded(InputStream in, long max) throws IOException {
        return BoundedInputStream.builder().setInputStream(in).setMaxCount(max).get();
    }
}
