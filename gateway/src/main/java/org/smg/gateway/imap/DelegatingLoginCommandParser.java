package org.smg.gateway.imap;

import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.Username;
import org.apache.james.imap.api.Tag;
import org.apache.james.imap.api.display.HumanReadableText;
import org.apache.james.imap.api.message.response.StatusResponseFactory;
import org.apache.james.imap.api.process.ImapSession;
import org.apache.james.imap.decode.DecodingException;
import org.apache.james.imap.decode.ImapRequestLineReader;
import org.apache.james.imap.decode.parser.LoginCommandParser;
import org.apache.james.imap.message.request.LoginRequest;
import org.smg.gateway.consent.DelegatedLoginName;

/**
 * James's LOGIN parser, which also reads the user id {@code <citizen>*<representative>}: James's own parser
 * makes one {@link Username} of it, which fails on the second '@' before any processor could see it.
 */
public final class DelegatingLoginCommandParser extends LoginCommandParser {
    private static final HumanReadableText NOT_A_USER_NAME = new HumanReadableText("org.smg.gateway.imap.NOT_A_USER_NAME",
        "The user id is not a user name, nor <citizen address>*<representative address>");

    @Inject
    public DelegatingLoginCommandParser(StatusResponseFactory statusResponseFactory) {
        super(statusResponseFactory);
    }

    @Override
    protected LoginRequest decode(ImapRequestLineReader request, Tag tag, ImapSession session) throws DecodingException {
        String userid = request.astring();
        String password = request.astring();
        request.eol();
        Optional<DelegatedLoginName> delegated = DelegatedLoginName.parse(userid);
        if (delegated.isPresent()) {
            return new DelegatedLoginRequest(delegated.get().citizen(), delegated.get().representative(), password, tag);
        }
        return new LoginRequest(userName(userid), password, tag);
    }

    /** A name that is no user name ({@code a@x*b@y*}, two '@'): a clear BAD, not a connection failure. */
    private static Username userName(String userid) throws DecodingException {
        try {
            return Username.of(userid);
        } catch (IllegalArgumentException malformed) {
            throw new DecodingException(NOT_A_USER_NAME, "the user id is not a user name, nor <citizen>*<representative>", malformed);
        }
    }
}
