package org.smg.policies.model;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The subject and text of the notification a citizen's external address receives when mail reaches the secure
 * inbox. Only two placeholders exist, and neither can carry anything of the message: {@link #PROGRAM_NAME}, the
 * name of the citizen's own program (from the account, never from the message), and {@link #SIGN_IN_URL}, the
 * gateway's sign-in page, the same for everyone. There is no placeholder for a subject, sender, body, file name,
 * count or identifier, so no template can leak them; the subject is one line without control characters and the
 * values are checked again when rendered, so no header can be injected.
 */
public final class NotificationTemplate {

    /** The name of the citizen's program, e.g. "Energy Credits Online". Subject and text. */
    public static final String PROGRAM_NAME = "{programName}";
    /** The gateway's web sign-in page, without query or fragment. Text only, and only in link mode. */
    public static final String SIGN_IN_URL = "{signInUrl}";

    static final List<String> SUBJECT_PLACEHOLDERS = List.of(PROGRAM_NAME);
    static final List<String> TEXT_PLACEHOLDERS = List.of(PROGRAM_NAME, SIGN_IN_URL);

    private static final Pattern BRACES = Pattern.compile("\\{[^{}\\n]{0,40}\\}|[{}]");

    private final String subject;
    private final String text;

    /** @throws IllegalArgumentException when the subject or text uses a placeholder it may not */
    public NotificationTemplate(String subject, String text) {
        this.subject = Objects.requireNonNull(subject, "subject");
        this.text = Objects.requireNonNull(text, "text");
        unknownPlaceholder(subject, SUBJECT_PLACEHOLDERS).ifPresent(bad -> {
            throw new IllegalArgumentException("subject: " + bad);
        });
        unknownPlaceholder(text, TEXT_PLACEHOLDERS).ifPresent(bad -> {
            throw new IllegalArgumentException("text: " + bad);
        });
        if (PolicyValueTypes.hasControlCharacter(subject)) {
            throw new IllegalArgumentException("subject: control character");
        }
    }

    /** The subject as written, placeholders included. */
    public String subject() {
        return subject;
    }

    /** The text as written, placeholders included. */
    public String text() {
        return text;
    }

    /** True when the text links to the sign-in page. */
    public boolean hasSignInLink() {
        return text.contains(SIGN_IN_URL);
    }

    /**
     * Fills the placeholders.
     *
     * @param programName the name of the citizen's program, from the account
     * @param signInUrl the gateway's sign-in page: http or https, no user, query or fragment (nothing that could
     *     identify the citizen or the message); required when the text has {@link #SIGN_IN_URL}
     * @throws IllegalArgumentException when a value could break a header or carry an identifier
     */
    public Rendered render(String programName, Optional<URI> signInUrl) {
        if (PolicyValueTypes.hasControlCharacter(programName)) {
            throw new IllegalArgumentException("program name has a control character");
        }
        String url = signInUrl.map(NotificationTemplate::checkedSignInUrl).orElse(null);
        if (hasSignInLink() && url == null) {
            throw new IllegalArgumentException("the template links to the sign-in page; a sign-in URL is required");
        }
        String filledText = text.replace(PROGRAM_NAME, programName);
        if (url != null) {
            filledText = filledText.replace(SIGN_IN_URL, url);
        }
        return new Rendered(subject.replace(PROGRAM_NAME, programName), filledText);
    }

    /**
     * The first brace in the text that is not an allowed placeholder, described for an error, or empty.
     *
     * @param allowed the placeholders this part may use
     */
    static Optional<String> unknownPlaceholder(String value, List<String> allowed) {
        Matcher matcher = BRACES.matcher(value);
        while (matcher.find()) {
            String found = matcher.group();
            if (!allowed.contains(found)) {
                String what = found.length() == 1 ? "unmatched '" + found + "'" : "unknown placeholder '" + found + "'";
                return Optional.of(what + "; expected only the placeholders " + String.join(", ", allowed)
                        + " (nothing of the message itself may appear in a notification)");
            }
        }
        return Optional.empty();
    }

    private static String checkedSignInUrl(URI url) {
        boolean web = "https".equalsIgnoreCase(url.getScheme()) || "http".equalsIgnoreCase(url.getScheme());
        if (!web || url.getRawUserInfo() != null || url.getRawQuery() != null || url.getRawFragment() != null
                || url.getHost() == null) {
            throw new IllegalArgumentException("the sign-in URL must be http(s) without user, query or fragment");
        }
        return url.toASCIIString();
    }

    @Override
    public String toString() {
        return "NotificationTemplate[subject=" + subject.length() + " chars, text=" + text.length() + " chars]";
    }

    /** A notification ready to send: its subject (one line) and text. */
    public record Rendered(String subject, String text) {
    }
}
