package org.smg.gateway.attachments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.junit.jupiter.api.Test;

class PdfActiveContentFinderTest {
    private final PdfActiveContentFinder finder = new PdfActiveContentFinder(1000);

    @Test
    void findShouldFindJavaScriptAtTheEndOfAnOutlineActionChain() throws Exception {
        COSDictionary javaScript = action("JavaScript");
        javaScript.setItem(COSName.JS, new COSString("app.alert(1)"));
        COSDictionary goTo = action("GoTo");
        goTo.setItem(COSName.NEXT, javaScript);
        COSDictionary secondItem = new COSDictionary();
        secondItem.setItem(COSName.A, goTo);
        COSDictionary firstItem = new COSDictionary();
        firstItem.setItem(COSName.NEXT, secondItem);
        COSDictionary outlines = new COSDictionary();
        outlines.setItem(COSName.FIRST, firstItem);
        COSDictionary catalog = new COSDictionary();
        catalog.setItem(COSName.OUTLINES, outlines);

        assertThat(finder.find(catalog)).containsExactly(PdfActiveContent.JAVASCRIPT);
    }

    @Test
    void findShouldFindALaunchActionInAFieldsAdditionalActions() throws Exception {
        COSDictionary additionalActions = new COSDictionary();
        additionalActions.setItem(COSName.K, action("Launch"));
        COSDictionary field = new COSDictionary();
        field.setItem(COSName.AA, additionalActions);
        COSDictionary form = new COSDictionary();
        form.setItem(COSName.FIELDS, new COSArray(List.of(field)));
        COSDictionary catalog = new COSDictionary();
        catalog.setItem(COSName.ACRO_FORM, form);

        assertThat(finder.find(catalog)).containsExactly(PdfActiveContent.LAUNCH);
    }

    @Test
    void findShouldFindAFileAttachmentAnnotation() throws Exception {
        COSDictionary annotation = new COSDictionary();
        annotation.setItem(COSName.SUBTYPE, COSName.getPDFName("FileAttachment"));
        COSDictionary page = new COSDictionary();
        page.setItem(COSName.ANNOTS, new COSArray(List.of(annotation)));
        COSDictionary catalog = new COSDictionary();
        catalog.setItem(COSName.PAGES, page);

        assertThat(finder.find(catalog)).containsExactly(PdfActiveContent.EMBEDDED_FILE);
    }

    @Test
    void findShouldEndAndFindNothingWhenObjectsReferToEachOtherInACycle() throws Exception {
        COSDictionary page = new COSDictionary();
        COSDictionary pages = new COSDictionary();
        pages.setItem(COSName.KIDS, new COSArray(List.of(page)));
        page.setItem(COSName.PARENT, pages);
        COSDictionary catalog = new COSDictionary();
        catalog.setItem(COSName.PAGES, pages);

        assertThat(finder.find(catalog)).isEmpty();
    }

    @Test
    void findShouldGiveUpWhenMoreObjectsAreReachableThanTheBound() {
        COSArray many = new COSArray();
        for (int i = 0; i < 2000; i++) {
            many.add(new COSDictionary());
        }
        COSDictionary catalog = new COSDictionary();
        catalog.setItem(COSName.getPDFName("Many"), many);

        assertThatThrownBy(() -> finder.find(catalog)).isInstanceOf(PdfTooComplexException.class);
    }

    private static COSDictionary action(String type) {
        COSDictionary action = new COSDictionary();
        action.setItem(COSName.TYPE, COSName.getPDFName("Action"));
        action.setItem(COSName.S, COSName.getPDFName(type));
        return action;
    }
}
