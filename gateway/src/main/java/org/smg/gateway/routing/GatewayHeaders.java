package org.smg.gateway.routing;

import java.util.List;

import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

/**
 * The headers the gateway sets on every citizen message that reaches staff, and only the gateway: a
 * copy a client wrote is removed first (header names compare without case), so staff can trust them.
 */
public final class GatewayHeaders {
    public static final String PROGRAM = "X-SMG-Program";
    public static final String BUSINESS_VERIFIED = "X-SMG-Business-Verified";
    /** The representative who sent a citizen's mail under a consent, and the consent: "address consent=id". */
    public static final String ON_BEHALF_OF = "X-SMG-On-Behalf-Of";
    /**
     * Kept on a draft saved in the web view: the message it answers ({@code uid:folder}), to flag it answered when the
     * draft is sent. Never sent: a draft sent from a mail client loses it here with the others.
     */
    public static final String DRAFT_ANSWERING = "X-SMG-Draft-Answering";
    static final List<String> ALL = List.of(PROGRAM, BUSINESS_VERIFIED, ON_BEHALF_OF, DRAFT_ANSWERING);

    private GatewayHeaders() {
    }

    /** Removes every copy of the gateway's headers, whoever wrote them. */
    public static void strip(MimeMessage message) throws MessagingException {
        for (String name : ALL) {
            message.removeHeader(name);
        }
    }

    /** Replaces the gateway's headers with the citizen's programs and whether a business identity was verified. */
    public static void set(MimeMessage message, List<String> programs, boolean businessVerified) throws MessagingException {
        strip(message);
        message.setHeader(PROGRAM, String.join(", ", programs));
        message.setHeader(BUSINESS_VERIFIED, businessVerified ? "yes" : "no");
    }

    /**
     * Names the representative and the consent for staff ({@code "address consent=id"}), after {@link #set}; the
     * {@code Sender:} header becomes the representative (RFC 5322 3.6.2: the agent who sent it for the author).
     */
    public static void setOnBehalfOf(MimeMessage message, String representativeAndConsent) throws MessagingException {
        message.setHeader(ON_BEHALF_OF, representativeAndConsent);
        message.setHeader("Sender", representativeAndConsent.split(" ", 2)[0]);
    }
}
