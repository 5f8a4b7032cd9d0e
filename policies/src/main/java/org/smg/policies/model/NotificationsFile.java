package org.smg.policies.model;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.smg.policies.yaml.ValueType;
import org.smg.policies.yaml.ValueTypes;
import org.smg.policies.yaml.YamlMap;

/**
 * Parses notifications.yaml, optional (absent: {@link NotificationPolicy#defaults()}):
 * <pre>
 * sender: notifications@gateway.example   # optional; in the gateway's domains
 * interval: 15m                           # optional, 1m to 24h
 * mode: link                              # optional: link (default) or no-link
 * subject: You have a new secure message from {programName}
 * text: |
 *   A new message is waiting in your secure mailbox.
 *   Sign in at {signInUrl} to read it.
 * </pre>
 */
final class NotificationsFile implements PolicyFile<NotificationPolicy> {

    static final String FILE_NAME = "notifications.yaml";

    private static final String SENDER = "sender";
    private static final String INTERVAL = "interval";
    private static final String MODE = "mode";
    private static final String SUBJECT = "subject";
    private static final String TEXT = "text";

    private static final ValueType<Duration> INTERVAL_TYPE = ValueTypes.duration(Duration.ofMinutes(1), Duration.ofHours(24));
    private static final ValueType<String> SUBJECT_TYPE = PolicyValueTypes.plainLine(200, "");
    private static final ValueType<String> TEXT_TYPE = ValueTypes.text(5_000);
    // Line breaks and tabs are the only controls a plain-text body needs.
    private static final Pattern TEXT_CONTROL = Pattern.compile("[\\x00-\\x08\\x0B-\\x1F\\x7F-\\x9F\\u2028\\u2029]");
    // In no-link mode the text may not carry a link written out, or the mode would protect nothing.
    private static final Pattern WRITTEN_LINK = Pattern.compile("://|www\\.", Pattern.CASE_INSENSITIVE);

    @Override
    public String fileName() {
        return FILE_NAME;
    }

    @Override
    public List<String> topLevelFields() {
        return List.of(SENDER, INTERVAL, MODE, SUBJECT, TEXT);
    }

    @Override
    public Optional<NotificationPolicy> whenAbsent() {
        return Optional.of(NotificationPolicy.defaults());
    }

    @Override
    public Optional<NotificationPolicy> parse(YamlMap root, Path directory, LoadedSoFar earlier) {
        int before = root.problems().count();
        Optional<Optional<String>> sender = sender(root, earlier.gatewayDomains());
        Optional<Duration> interval = root.optional(INTERVAL, INTERVAL_TYPE, NotificationPolicy.DEFAULT_INTERVAL);
        Optional<NotificationMode> mode = root.optional(MODE, MODE_TYPE, NotificationMode.LINK);
        Optional<String> subject = root.required(SUBJECT, SUBJECT_TYPE)
                .filter(valid -> placeholdersAllowed(root, SUBJECT, valid, NotificationTemplate.SUBJECT_PLACEHOLDERS));
        Optional<String> text = root.required(TEXT, TEXT_TYPE).filter(valid -> textAllowed(root, valid, mode));
        if (root.problems().count() > before) {
            return Optional.empty();
        }
        return Optional.of(new NotificationPolicy(sender.get(), interval.get(), mode.get(),
                new NotificationTemplate(subject.get(), text.get())));
    }

    private static Optional<Optional<String>> sender(YamlMap root, List<String> gatewayDomains) {
        if (!root.has(SENDER)) {
            return Optional.of(Optional.empty());
        }
        Optional<String> sender = root.required(SENDER, ValueTypes.emailAddress());
        if (sender.isPresent() && !gatewayDomains.isEmpty()
                && !gatewayDomains.contains(PolicyValueTypes.domainOf(sender.get()))) {
            root.problems().add(root.line(SENDER), root.pathOf(SENDER), "'" + sender.get() + "' is not in the"
                    + " gateway's domains; expected an address in " + String.join(", ", gatewayDomains)
                    + " (notifications are signed with the gateway's DKIM key)");
            return Optional.empty();
        }
        return sender.map(Optional::of);
    }

    private static boolean textAllowed(YamlMap root, String text, Optional<NotificationMode> mode) {
        if (TEXT_CONTROL.matcher(text).find()) {
            root.problems().add(root.line(TEXT), root.pathOf(TEXT), "control character in the text; expected plain"
                    + " text with line breaks");
            return false;
        }
        if (!placeholdersAllowed(root, TEXT, text, NotificationTemplate.TEXT_PLACEHOLDERS)) {
            return false;
        }
        if (mode.isEmpty()) {
            return true;
        }
        boolean link = text.contains(NotificationTemplate.SIGN_IN_URL);
        if (mode.get() == NotificationMode.LINK && !link) {
            root.problems().add(root.line(TEXT), root.pathOf(TEXT), "mode link: expected the text to contain "
                    + NotificationTemplate.SIGN_IN_URL + " (or set mode: no-link)");
            return false;
        }
        if (mode.get() == NotificationMode.NO_LINK && (link || WRITTEN_LINK.matcher(text).find())) {
            root.problems().add(root.line(TEXT), root.pathOf(TEXT), "mode no-link: expected a text without "
                    + NotificationTemplate.SIGN_IN_URL + " or any written link (tell the citizen to sign in at the"
                    + " address they already know)");
            return false;
        }
        return true;
    }

    private static boolean placeholdersAllowed(YamlMap root, String field, String value, List<String> allowed) {
        Optional<String> problem = NotificationTemplate.unknownPlaceholder(value, allowed);
        problem.ifPresent(message -> root.problems().add(root.line(field), root.pathOf(field), message));
        return problem.isEmpty();
    }

    private static final ValueType<NotificationMode> MODE_TYPE = new ValueType<>() {
        private final String expected = Arrays.stream(NotificationMode.values()).map(NotificationMode::written)
                .collect(Collectors.joining(" or "));

        @Override
        public String expected() {
            return expected;
        }

        @Override
        public NotificationMode parse(String text) {
            return Arrays.stream(NotificationMode.values()).filter(mode -> mode.written().equals(text)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(ValueTypes.expectedButGot(expected, text)));
        }
    };
}
