package org.smg.policies.model;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How citizens learn that mail is waiting (notifications.yaml): at most one notification per citizen per
 * {@code interval}, sent from {@code sender}, made only from {@code template}.
 *
 * @param sender the notification's sender, in the gateway's domains; empty means the notifier's default address
 *     in the gateway's default domain
 * @param interval the coalescing interval: at most one notification per citizen per interval
 * @param mode whether the text links to the sign-in page
 * @param template subject and text, with only the placeholders of {@link NotificationTemplate}
 */
public record NotificationPolicy(Optional<String> sender, Duration interval, NotificationMode mode,
                                 NotificationTemplate template) {

    /** The interval when notifications.yaml does not set one. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(15);

    private static final NotificationPolicy DEFAULTS = new NotificationPolicy(Optional.empty(), DEFAULT_INTERVAL,
            NotificationMode.LINK, new NotificationTemplate("You have a new secure message",
            "A new message is waiting for you in your secure mailbox.\n\n"
                    + "To read it, sign in at " + NotificationTemplate.SIGN_IN_URL + "\n\n"
                    + "This notification never contains the message itself.\n"));

    public NotificationPolicy {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(template, "template");
        if ((mode == NotificationMode.LINK) != template.hasSignInLink()) {
            throw new IllegalArgumentException("mode " + mode.written() + " and the template's link disagree");
        }
    }

    /** The built-in notification used when notifications.yaml is absent: link mode, every 15 minutes at most. */
    public static NotificationPolicy defaults() {
        return DEFAULTS;
    }
}
