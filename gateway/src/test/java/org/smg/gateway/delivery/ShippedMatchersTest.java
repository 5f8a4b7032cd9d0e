package org.smg.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A matcher that matches only some recipients of a mail makes James copy the mail in plain text to the
 * temporary directory ({@code MatcherSplitter}). The shipped pipeline uses only matchers that match all
 * recipients or none, and the per-recipient ones only where {@link SeparateRecipientKinds} has left one kind.
 */
class ShippedMatchersTest {
    private static final List<String> WHOLE_MAIL_MATCHERS = List.of("All", "RelayLimit");
    private static final List<String> PER_RECIPIENT_MATCHERS = List.of("RecipientIsLocal", "HostIsLocal");

    @Test
    void pipelineShouldSplitNoMailInsideAMatcher() throws Exception {
        Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder()
            .parse(Path.of("..", "conf", "mailetcontainer.xml").toFile()).getDocumentElement();
        List<String> offending = new ArrayList<>();

        NodeList processors = root.getElementsByTagName("processor");
        for (int p = 0; p < processors.getLength(); p++) {
            Element processor = (Element) processors.item(p);
            NodeList mailets = processor.getElementsByTagName("mailet");
            for (int m = 0; m < mailets.getLength(); m++) {
                String matcher = ((Element) mailets.item(m)).getAttribute("match").split("=", 2)[0];
                boolean allowed = WHOLE_MAIL_MATCHERS.contains(matcher)
                    || PER_RECIPIENT_MATCHERS.contains(matcher) && processor.getAttribute("state").equals("deliver");
                if (!allowed) {
                    offending.add(processor.getAttribute("state") + ": " + matcher);
                }
            }
        }

        assertThat(processors.getLength()).isGreaterThan(5);
        assertThat(offending).isEmpty();
    }

    @Test
    void deliverShouldBeReachedOnlyThroughSeparateRecipientKinds() throws Exception {
        String pipeline = java.nio.file.Files.readString(Path.of("..", "conf", "mailetcontainer.xml"));

        assertThat(pipeline).containsOnlyOnce("<processor>deliver</processor>");
        assertThat(pipeline).contains("class=\"org.smg.gateway.delivery.SeparateRecipientKinds\">\n                <processor>deliver</processor>");
    }
}
