package org.smg.gateway.web.mail;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.HtmlSanitizer;
import org.owasp.html.PolicyFactory;

/**
 * The HTML body of a message made safe to put into our page, with the OWASP Java HTML Sanitizer and an allow-list:
 * text structure (paragraphs, lists, tables, quotes, emphasis) and links ({@code http}, {@code https}, {@code mailto}
 * only, with {@code rel="noopener noreferrer nofollow"}). Everything else goes: scripts, event handlers, forms,
 * frames, objects, SVG and MathML, {@code style} elements and attributes (our CSP forbids inline style, and CSS is a
 * way to load remote content), classes and ids (they could borrow the page's own styles and anchors).
 *
 * <p>Images are dropped unless the reader asked for remote content for this message; then only {@code https} images
 * (the page's CSP is widened to {@code img-src 'self' https:} for that response only). Remote style sheets are never
 * loaded. Headings become {@code h3} to {@code h6} so that a message cannot take over the page's outline.
 */
public final class HtmlBodies {
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,4}");
    private static final Pattern TEXT_DIRECTION = Pattern.compile("(?i)ltr|rtl|auto");

    private static final PolicyFactory TEXT = new HtmlPolicyBuilder()
        .allowElements("p", "br", "div", "span", "b", "i", "u", "s", "strong", "em", "small", "sub", "sup", "mark", "abbr",
            "blockquote", "q", "cite", "pre", "code", "kbd", "samp", "ul", "ol", "li", "dl", "dt", "dd", "hr", "h4", "h5", "h6",
            "table", "caption", "thead", "tbody", "tfoot", "tr", "td", "th", "center", "font")
        .allowElements((name, attributes) -> "h3", "h1", "h2", "h3")
        .allowElements((name, attributes) -> "span", "center", "font")
        .allowAttributes("colspan", "rowspan").matching(NUMBER).onElements("td", "th")
        .allowAttributes("title", "lang").globally()
        .allowAttributes("dir").matching(TEXT_DIRECTION).globally()
        .allowElements("a")
        .allowAttributes("href").onElements("a")
        .allowUrlProtocols("http", "https", "mailto")
        .requireRelsOnLinks("noopener", "noreferrer", "nofollow")
        .toFactory();

    private static final PolicyFactory REMOTE_IMAGES = new HtmlPolicyBuilder()
        .allowElements("img")
        .allowAttributes("alt", "title").onElements("img")
        .allowAttributes("width", "height").matching(NUMBER).onElements("img")
        .allowAttributes("src").onElements("img")
        .allowUrlProtocols("https")
        .toFactory();

    private static final PolicyFactory WITH_REMOTE_IMAGES = TEXT.and(REMOTE_IMAGES);

    private HtmlBodies() {
    }

    /** The safe HTML; {@code remoteImages} only after the reader asked for this message. */
    public static String sanitize(String html, boolean remoteImages) {
        return (remoteImages ? WITH_REMOTE_IMAGES : TEXT).sanitize(html);
    }

    /**
     * The text of an HTML body, to quote it in a reply: tags dropped, a line break where a block ends, entities
     * decoded, nothing of scripts, styles or the head.
     */
    public static String asText(String html) {
        StringBuilder text = new StringBuilder();
        HtmlSanitizer.sanitize(html, new HtmlSanitizer.Policy() {
            private int hidden;

            @Override
            public void openDocument() {
            }

            @Override
            public void closeDocument() {
            }

            @Override
            public void openTag(String name, List<String> attributes) {
                if (HIDDEN.contains(name)) {
                    hidden++;
                } else if (name.equals("br") || BLOCKS.contains(name)) {
                    text.append('\n');
                }
            }

            @Override
            public void closeTag(String name) {
                if (HIDDEN.contains(name)) {
                    hidden = Math.max(0, hidden - 1);
                } else if (BLOCKS.contains(name)) {
                    text.append('\n');
                } else if (name.equals("td") || name.equals("th")) {
                    text.append(' ');
                }
            }

            @Override
            public void text(String chunk) {
                if (hidden == 0) {
                    text.append(chunk);
                }
            }
        });
        return text.toString().replaceAll("[ \\t\\x0B\\f\\r]*\n[ \\t\\x0B\\f\\r]*", "\n").replaceAll("\n{3,}", "\n\n").strip();
    }

    private static final Set<String> HIDDEN = Set.of("script", "style", "head", "title", "template", "noscript");
    private static final Set<String> BLOCKS = Set.of("p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
        "pre", "table", "ul", "ol", "dl", "dt", "dd", "hr");

    /** Whether the message would show more with remote content allowed (it has images): the page then offers the button. */
    public static boolean hasRemoteContent(String html) {
        return !TEXT.sanitize(html).equals(WITH_REMOTE_IMAGES.sanitize(html));
    }
}
