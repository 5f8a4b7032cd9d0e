package org.smg.gateway.imap;

import java.util.Optional;
import java.util.Set;

import javax.mail.Flags;

import org.apache.james.imap.api.ImapMessage;
import org.apache.james.imap.message.request.CapabilityRequest;
import org.apache.james.imap.message.request.CheckRequest;
import org.apache.james.imap.message.request.CompressRequest;
import org.apache.james.imap.message.request.EnableRequest;
import org.apache.james.imap.message.request.ExamineRequest;
import org.apache.james.imap.message.request.FetchRequest;
import org.apache.james.imap.message.request.GetACLRequest;
import org.apache.james.imap.message.request.GetMetadataRequest;
import org.apache.james.imap.message.request.GetQuotaRequest;
import org.apache.james.imap.message.request.GetQuotaRootRequest;
import org.apache.james.imap.message.request.IDRequest;
import org.apache.james.imap.message.request.IdleRequest;
import org.apache.james.imap.message.request.ListRequest;
import org.apache.james.imap.message.request.ListRightsRequest;
import org.apache.james.imap.message.request.LogoutRequest;
import org.apache.james.imap.message.request.LsubRequest;
import org.apache.james.imap.message.request.MyRightsRequest;
import org.apache.james.imap.message.request.NamespaceRequest;
import org.apache.james.imap.message.request.NoopRequest;
import org.apache.james.imap.message.request.SearchRequest;
import org.apache.james.imap.message.request.SelectRequest;
import org.apache.james.imap.message.request.StatusRequest;
import org.apache.james.imap.message.request.StoreRequest;
import org.apache.james.imap.message.request.UnselectRequest;
import org.apache.james.imap.message.request.XListRequest;
import org.apache.james.mailbox.MessageManager.FlagsUpdateMode;
import org.smg.gateway.consent.ConsentScope;

/**
 * What a representative may do in the citizen's mailboxes: the commands that only read, and STORE of
 * {@code \Seen} ({@code \Answered} too under {@code read-reply}, so a client can mark what it replied to).
 * Everything else is refused, including commands this list does not know (deny by default): APPEND,
 * EXPUNGE, COPY, MOVE, REPLACE, CREATE, DELETE, RENAME, (UN)SUBSCRIBE, SETACL, SETQUOTA, SETMETADATA.
 * CLOSE is allowed but never expunges (see {@link ConsentCheckedProcessor}). Neither scope deletes mail:
 * replying needs no change to the citizen's mailboxes.
 */
final class DelegatedScopeRule {
    private static final Set<Class<?>> READING = Set.of(CapabilityRequest.class, NoopRequest.class, LogoutRequest.class,
        IDRequest.class, EnableRequest.class, CompressRequest.class, NamespaceRequest.class, ListRequest.class,
        LsubRequest.class, XListRequest.class, StatusRequest.class, SelectRequest.class, ExamineRequest.class,
        FetchRequest.class, SearchRequest.class, CheckRequest.class, UnselectRequest.class, IdleRequest.class,
        GetACLRequest.class, ListRightsRequest.class, MyRightsRequest.class, GetQuotaRequest.class,
        GetQuotaRootRequest.class, GetMetadataRequest.class);

    private DelegatedScopeRule() {
    }

    /** Why the command is refused in a session under that scope, or empty when it may run. */
    static Optional<String> refusal(ImapMessage message, ConsentScope scope) {
        if (READING.contains(message.getClass())) {
            return Optional.empty();
        }
        if (message instanceof StoreRequest store) {
            return storeRefusal(store, scope);
        }
        return Optional.of("[NOPERM] The consent to act for this account allows " + (scope == ConsentScope.READ_REPLY ? "reading and replying" : "reading")
            + " only; this command would change the mailbox");
    }

    private static Optional<String> storeRefusal(StoreRequest store, ConsentScope scope) {
        if (store.getFlagsUpdateMode() == FlagsUpdateMode.REPLACE) {
            return Optional.of("[NOPERM] The consent to act for this account allows no FLAGS replacement; use +FLAGS or -FLAGS ("
                + allowedWords(scope) + ")");
        }
        Flags allowed = new Flags(Flags.Flag.SEEN);
        if (scope == ConsentScope.READ_REPLY) {
            allowed.add(Flags.Flag.ANSWERED);
        }
        if (!allowed.contains(store.getFlags())) {
            return Optional.of("[NOPERM] The consent to act for this account allows changing only " + allowedWords(scope));
        }
        return Optional.empty();
    }

    private static String allowedWords(ConsentScope scope) {
        return scope == ConsentScope.READ_REPLY ? "\\Seen and \\Answered" : "\\Seen";
    }
}
