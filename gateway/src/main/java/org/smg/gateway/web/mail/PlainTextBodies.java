package org.smg.gateway.web.mail;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plain-text body as HTML: every character escaped, and {@code http}/{@code https} addresses made links that open
 * without giving the sender's page a handle on ours ({@code rel="noopener noreferrer nofollow"}). The link's address
 * is the escaped text itself, so it cannot break out of the attribute, and only these two schemes are linked.
 */
public final class PlainTextBodies {
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"'`]+", Pattern.CASE_INSENSITIVE);
    /** Punctuation that ends a sentence rather than the address ("see https://example.org."). */
    private static final String TRAILING = ".,;:!?)]}";

    private PlainTextBodies() {
    }

    public static String toHtml(String text) {
        StringBuilder html = new StringBuilder();
        Matcher matcher = URL.matcher(text);
        int last = 0;
        while (matcher.find()) {
            String url = matcher.group();
            int end = url.length();
            while (end > 0 && TRAILING.indexOf(url.charAt(end - 1)) >= 0) {
                end--;
            }
            url = url.substring(0, end);
            html.append(escape(text.substring(last, matcher.start())));
            String escaped = escape(url);
            html.append("<a href=\"").append(escaped).append("\" rel=\"noopener noreferrer nofollow\">").append(escaped).append("</a>");
            last = matcher.start() + end;
        }
        html.append(escape(text.substring(last)));
        return html.toString();
    }

    public static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&#34;");
                case '\'' -> escaped.append("&#39;");
                case '`' -> escaped.append("&#96;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
