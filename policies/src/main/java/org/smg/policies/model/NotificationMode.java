package org.smg.policies.model;

/** Whether the notification links to the web sign-in, or tells the citizen to go to the address they know. */
public enum NotificationMode {
    /** The text carries {@code {signInUrl}}: the gateway's sign-in page, the same for every citizen. */
    LINK("link"),
    /** The text carries no link at all, so a look-alike notification with a link stands out (phishing-resistant). */
    NO_LINK("no-link");

    private final String written;

    NotificationMode(String written) {
        this.written = written;
    }

    /** The mode as notifications.yaml writes it. */
    public String written() {
        return written;
    }
}
