package org.smg.gateway.imap;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.james.imap.api.display.HumanReadableText;
import org.apache.james.imap.api.message.request.SearchKey;

/**
 * RFC 8514 SAVEDATE is not offered: James's JPA mailbox drops the save date it is given
 * ({@code AbstractJPAMailboxMessage.setSaveDate} is empty), so a FETCH would answer {@code NIL} and
 * a SAVEDSINCE search would silently match nothing. Clients that ask anyway are told so.
 */
final class SaveDateUnsupported {
    static final HumanReadableText REFUSAL = new HumanReadableText("org.smg.gateway.imap.SAVEDATE_UNSUPPORTED",
        "SAVEDATE is not supported: this server does not record when a message was saved.");

    private static final EnumSet<SearchKey.Type> SAVE_DATE_KEYS = EnumSet.of(SearchKey.Type.TYPE_SAVEDBEFORE,
        SearchKey.Type.TYPE_SAVEDON, SearchKey.Type.TYPE_SAVEDSINCE, SearchKey.Type.TYPE_SAVEDATESUPPORTED);

    private SaveDateUnsupported() {
    }

    /** True when {@code key}, or any key nested in it under AND, OR or NOT, is about save dates. */
    static boolean mentionedIn(SearchKey key) {
        if (SAVE_DATE_KEYS.contains(key.getType())) {
            return true;
        }
        return Optional.ofNullable(key.getKeys()).map(List::stream).orElseGet(Stream::empty)
            .anyMatch(SaveDateUnsupported::mentionedIn);
    }
}
