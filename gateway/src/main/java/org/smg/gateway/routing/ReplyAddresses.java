package org.smg.gateway.routing;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

import org.apache.james.core.MailAddress;

/**
 * Reply addresses {@code reply+<token>@<gateway domain>} (local part 46 octets, under the 64 of RFC 5321):
 * made for a citizen and the staff address that wrote to them, and resolved back to that staff address
 * only for that citizen and only when the token's MAC verifies.
 */
public final class ReplyAddresses {
    static final String PREFIX = "reply+";

    private final ReplyTokens tokens;
    private final ReplyThreadStore threads;
    private final String domain;

    /** @param domain the gateway's default domain, the domain of every reply address made */
    public ReplyAddresses(ReplyTokens tokens, ReplyThreadStore threads, String domain) {
        this.tokens = tokens;
        this.threads = threads;
        this.domain = domain;
    }

    /** The reply address leading from this citizen to this staff address (the same one every time). */
    public MailAddress replyAddress(String citizen, String staff) throws SQLException {
        ReplyThreadStore.Thread thread = threads.findOrCreate(citizen, staff);
        String localPart = PREFIX + tokens.token(thread.id(), thread.citizen(), thread.staff());
        try {
            return new MailAddress(localPart, domain);
        } catch (javax.mail.internet.AddressException e) {
            throw new IllegalStateException("a reply address is always valid: " + e.getMessage(), e);
        }
    }

    /** Whether the local part has the reply prefix: such an address is a reply address or nothing. */
    public static boolean isReplyLocalPart(String localPart) {
        return localPart.toLowerCase(Locale.ROOT).startsWith(PREFIX);
    }

    /**
     * The staff address a reply address leads to, when {@code citizen} may use it: the thread exists, was
     * made for this citizen, and the MAC over thread, citizen and staff address verifies. The caller has
     * checked that the domain is the gateway's.
     */
    public Optional<String> staffFor(MailAddress recipient, String citizen) throws SQLException {
        String localPart = recipient.getLocalPart();
        if (!isReplyLocalPart(localPart)) {
            return Optional.empty();
        }
        String token = localPart.substring(PREFIX.length());
        Optional<String> threadId = ReplyTokens.threadIdOf(token);
        if (threadId.isEmpty()) {
            return Optional.empty();
        }
        Optional<ReplyThreadStore.Thread> thread = threads.find(threadId.get());
        return thread
            .filter(found -> found.citizen().equalsIgnoreCase(citizen))
            .filter(found -> tokens.verifies(token, citizen, found.staff()))
            .map(ReplyThreadStore.Thread::staff);
    }
}
