package org.smg.gateway.web.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class HtmlBodiesTest {
    private static final Set<String> SAFE_ELEMENTS = Set.of("p", "br", "div", "span", "b", "i", "u", "s", "strong", "em", "small", "sub",
        "sup", "mark", "abbr", "blockquote", "q", "cite", "pre", "code", "kbd", "samp", "ul", "ol", "li", "dl", "dt", "dd", "hr", "h3", "h4",
        "h5", "h6", "table", "caption", "thead", "tbody", "tfoot", "tr", "td", "th", "a", "img");
    private static final Set<String> SAFE_ATTRIBUTES = Set.of("href", "rel", "title", "lang", "dir", "colspan", "rowspan", "src", "alt",
        "width", "height");
    private static final Pattern TAG = Pattern.compile("<\\s*/?\\s*([a-zA-Z0-9:-]+)([^>]*)>");
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z0-9:_-]+)\\s*=\\s*\"([^\"]*)\"");

    @Test
    void sanitizeShouldLeaveNoScriptCapableConstructWhenGivenTheXssCorpus() throws IOException {
        List<String> corpus = corpus();

        for (String payload : corpus) {
            assertSafe(payload, HtmlBodies.sanitize(payload, false), false);
            assertSafe(payload, HtmlBodies.sanitize(payload, true), true);
        }

        assertThat(corpus).hasSizeGreaterThanOrEqualTo(30);
    }

    @Test
    void sanitizeShouldMakeLinksSafeWhenTheMessageHasLinks() {
        String html = "<a href=\"https://example.org/a?b=1&c=2\" target=\"_self\">site</a>";

        String safe = HtmlBodies.sanitize(html, false);

        assertThat(safe).contains("href=\"https://example.org/a?b&#61;1&amp;c&#61;2\"").doesNotContain("target");
        Matcher rel = Pattern.compile("rel=\"([^\"]*)\"").matcher(safe);
        assertThat(rel.find()).isTrue();
        // The sanitizer keeps the tokens in a set: their order varies, and does not matter.
        assertThat(rel.group(1).split(" ")).containsExactlyInAnyOrder("noopener", "noreferrer", "nofollow");
    }

    @Test
    void sanitizeShouldDropRemoteImagesUnlessTheReaderAskedForThem() {
        String html = "<p>Hello</p><img src=\"https://tracker.example/pixel.gif\" alt=\"logo\">";

        String blocked = HtmlBodies.sanitize(html, false);
        String allowed = HtmlBodies.sanitize(html, true);

        assertThat(blocked).doesNotContain("<img").contains("Hello");
        assertThat(allowed).contains("<img src=\"https://tracker.example/pixel.gif\"");
        assertThat(HtmlBodies.hasRemoteContent(html)).isTrue();
        assertThat(HtmlBodies.hasRemoteContent("<p>no pictures</p>")).isFalse();
    }

    @Test
    void sanitizeShouldRefuseHttpImagesEvenWhenRemoteContentIsAllowed() {
        String safe = HtmlBodies.sanitize("<img src=\"http://plain.example/x.gif\">", true);

        assertThat(safe).doesNotContain("<img");
    }

    @Test
    void sanitizeShouldDemoteTopHeadingsWhenTheMessageHasThem() {
        String safe = HtmlBodies.sanitize("<h1>Big</h1><h2>Less</h2>", false);

        assertThat(safe).isEqualTo("<h3>Big</h3><h3>Less</h3>");
    }

    @Test
    void toHtmlShouldEscapeAndLinkifyWhenGivenPlainText() {
        String html = PlainTextBodies.toHtml("See https://example.org/x?a=1&b=\"2\". <script>alert(1)</script> javascript:alert(1)");

        assertThat(html).isEqualTo("See <a href=\"https://example.org/x?a=1&amp;b=\" rel=\"noopener noreferrer nofollow\">"
            + "https://example.org/x?a=1&amp;b=</a>&#34;2&#34;. &lt;script&gt;alert(1)&lt;/script&gt; javascript:alert(1)");
    }

    private static void assertSafe(String payload, String output, boolean remote) {
        Matcher tags = TAG.matcher(output);
        while (tags.find()) {
            String element = tags.group(1).toLowerCase(Locale.ROOT);
            assertThat(SAFE_ELEMENTS).as("element <%s> from payload %s", element, payload).contains(element);
            if (!remote) {
                assertThat(element).as("image without the reader's consent from payload %s", payload).isNotEqualTo("img");
            }
            Matcher attributes = ATTRIBUTE.matcher(tags.group(2));
            while (attributes.find()) {
                String name = attributes.group(1).toLowerCase(Locale.ROOT);
                assertThat(SAFE_ATTRIBUTES).as("attribute %s from payload %s", name, payload).contains(name);
                if (name.equals("href") || name.equals("src")) {
                    String url = decodeEntities(attributes.group(2)).strip().toLowerCase(Locale.ROOT);
                    assertThat(url).as("URL from payload %s", payload).matches("(https?:|mailto:).*|[^:]*");
                }
            }
            String rest = tags.group(2).replaceAll(ATTRIBUTE.pattern(), "").replaceAll("/", "").strip();
            assertThat(rest).as("unquoted attributes from payload %s", payload).isEmpty();
        }
        String lower = output.toLowerCase(Locale.ROOT);
        assertThat(lower).as("payload %s", payload).doesNotContain("<script", "<style", "<svg", "<math", "<iframe", "<form", "style=",
            "expression(", "<!--");
    }

    private static String decodeEntities(String value) {
        Matcher entity = Pattern.compile("&#(x?)([0-9a-fA-F]+);").matcher(value);
        StringBuilder decoded = new StringBuilder();
        while (entity.find()) {
            int code = Integer.parseInt(entity.group(2), entity.group(1).isEmpty() ? 10 : 16);
            entity.appendReplacement(decoded, Matcher.quoteReplacement(new String(Character.toChars(code))));
        }
        entity.appendTail(decoded);
        return decoded.toString().replace("&amp;", "&");
    }

    static List<String> corpus() throws IOException {
        try (InputStream in = HtmlBodiesTest.class.getResourceAsStream("/xss-corpus.txt")) {
            List<String> payloads = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    payloads.add(line);
                }
            }
            return payloads;
        }
    }
}
