package org.smg.gateway.attachments;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.zip.InflaterInputStream;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;

/**
 * Bounds what a PDF's object streams expand to before the object walk makes PDFBox decode them: PDFBox decodes an
 * object stream whole into the heap, with no limit, so a flate bomb there would exhaust memory. Each object stream
 * (found among the objects stored uncompressed, which loading them does not decode) is inflated here into nothing,
 * counted, against a total for the document. Object streams compressed otherwise than with one FlateDecode, which
 * writers do not produce, are not expanded at all.
 */
final class PdfObjectStreamGuard {
    private final long maxExpandedBytes;

    PdfObjectStreamGuard(long maxExpandedBytes) {
        this.maxExpandedBytes = maxExpandedBytes;
    }

    /** @throws PdfTooComplexException when the object streams expand beyond the bound or use another compression */
    void check(COSDocument document) throws IOException, PdfTooComplexException {
        long total = 0;
        for (Map.Entry<COSObjectKey, Long> entry : document.getXrefTable().entrySet()) {
            if (entry.getValue() == null || entry.getValue() <= 0) {
                continue; // inside an object stream, or free: reading it would decode its stream
            }
            COSObject object = document.getObjectFromPool(entry.getKey());
            if (object.getObject() instanceof COSStream stream && COSName.OBJ_STM.equals(stream.getCOSName(COSName.TYPE))) {
                total += expandedSize(stream, maxExpandedBytes - total);
            }
        }
    }

    private static long expandedSize(COSStream stream, long remaining) throws IOException, PdfTooComplexException {
        if (!isSingleFlate(stream.getFilters())) {
            throw new PdfTooComplexException("an object stream uses an unusual compression");
        }
        try (InputStream expanded = new ExpansionLimitInputStream(new InflaterInputStream(stream.createRawInputStream()), remaining)) {
            return expanded.transferTo(OutputStream.nullOutputStream());
        } catch (ExpansionLimitInputStream.ExpansionLimitException e) {
            throw new PdfTooComplexException("its object streams expand beyond the limit");
        }
    }

    private static boolean isSingleFlate(COSBase filters) {
        COSBase filter = filters instanceof COSArray array && array.size() == 1 ? array.getObject(0) : filters;
        return COSName.FLATE_DECODE.equals(filter) || COSName.FLATE_DECODE_ABBREVIATION.equals(filter);
    }
}
