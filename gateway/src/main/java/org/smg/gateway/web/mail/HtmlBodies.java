package org.smg.gateway.web.mail;

import java.util.regex.Pattern;

import org.owasp.html.HtmlPolicyBuilder;
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

    /** Whether the message would show more with remote content allowed (it has images): the page then offers the button. */
    public static boolean hasRemoteContent(String html) {
        return !TEXT.sanitize(html).equals(WITH_REMOTE_IMAGES.sanitize(html));
    }
}
