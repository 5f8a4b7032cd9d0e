package org.smg.gateway.attachments;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.Set;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;

/**
 * Finds JavaScript, launch actions and embedded files in a parsed PDF by walking its object graph from the catalog:
 * every dictionary reachable from it (names trees, open action, additional actions of the document, pages,
 * annotations and form fields, outlines, action chains through /Next) is looked at once. Walking everything
 * reachable rather than a list of known places means an action hidden in an unusual place is still found; the
 * walk is iterative (no stack overflow on deep nesting) and stops at a bound on the number of objects.
 */
final class PdfActiveContentFinder {
    private static final COSName LAUNCH = COSName.getPDFName("Launch");
    private static final COSName GO_TO_EMBEDDED = COSName.getPDFName("GoToE");
    private static final COSName FILE_ATTACHMENT = COSName.getPDFName("FileAttachment");

    private final int maxObjects;

    PdfActiveContentFinder(int maxObjects) {
        this.maxObjects = maxObjects;
    }

    /**
     * @return the kinds of active content reachable from {@code catalog}
     * @throws PdfTooComplexException when more than the bound of objects is reachable
     */
    Set<PdfActiveContent> find(COSDictionary catalog) throws PdfTooComplexException {
        Set<PdfActiveContent> found = EnumSet.noneOf(PdfActiveContent.class);
        Set<COSBase> visited = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<COSBase> pending = new ArrayDeque<>();
        pending.push(catalog);
        while (!pending.isEmpty()) {
            COSBase next = dereference(pending.pop());
            if (next == null || !visited.add(next)) {
                continue;
            }
            if (visited.size() > maxObjects) {
                throw new PdfTooComplexException("it has more than " + maxObjects + " objects");
            }
            if (next instanceof COSDictionary dictionary) {
                classify(dictionary, found);
                dictionary.getValues().forEach(pending::push);
            } else if (next instanceof COSArray array) {
                array.forEach(pending::push);
            }
        }
        return found;
    }

    private static void classify(COSDictionary dictionary, Set<PdfActiveContent> found) {
        COSBase action = dictionary.getDictionaryObject(COSName.S);
        if (COSName.JAVA_SCRIPT.equals(action) || dictionary.containsKey(COSName.JS)) {
            found.add(PdfActiveContent.JAVASCRIPT);
        }
        if (LAUNCH.equals(action)) {
            found.add(PdfActiveContent.LAUNCH);
        }
        if (GO_TO_EMBEDDED.equals(action) || dictionary.containsKey(COSName.EF)
                || FILE_ATTACHMENT.equals(dictionary.getDictionaryObject(COSName.SUBTYPE))
                || COSName.EMBEDDED_FILE.equals(dictionary.getDictionaryObject(COSName.TYPE))) {
            found.add(PdfActiveContent.EMBEDDED_FILE);
        }
    }

    private static COSBase dereference(COSBase base) {
        return base instanceof COSObject indirect ? indirect.getObject() : base;
    }
}
