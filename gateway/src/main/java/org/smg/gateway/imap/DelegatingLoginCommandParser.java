package org.smg.gateway.imap;

import javax.inject.Inject;

import org.apache.james.core.Username;
import org.apache.james.imap.api.Tag;
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
    @Inject
    public DelegatingLoginCommandParser(StatusResponseFactory statusResponseFactory) {
        super(statusResponseFactory);
    }

    @Override
    protected LoginRequest decode(ImapRequestLineReader request, Tag tag, ImapSession session) throws DecodingException {
        String userid = request.astring();
        String password = request.astring();
        request.eol();
        return DelegatedLoginName.parse(userid)
            .<LoginRequest>map(name -> new DelegatedLoginRequest(name.citizen(), name.representative(), password, tag))
            .orElseGet(() -> new LoginRequest(Username.of(userid), password, tag));
    }
}
