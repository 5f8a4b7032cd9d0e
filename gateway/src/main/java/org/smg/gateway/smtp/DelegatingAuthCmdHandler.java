package org.smg.gateway.smtp;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

import org.apache.james.core.Username;
import org.apache.james.protocols.api.BaseRequest;
import org.apache.james.protocols.api.ProtocolSession.AttachmentKey;
import org.apache.james.protocols.api.ProtocolSession.State;
import org.apache.james.protocols.api.Request;
import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.api.handler.LineHandler;
import org.apache.james.protocols.smtp.SMTPResponse;
import org.apache.james.protocols.smtp.SMTPRetCode;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.core.esmtp.AuthCmdHandler;
import org.smg.gateway.consent.DelegatedLoginName;

/**
 * James's AUTH command (PLAIN and LOGIN, with or without an initial response) that also reads a delegated
 * login: the name {@code <citizen>*<representative>}, or PLAIN with the citizen as authorization identity.
 * James 3.8.1 cannot: it makes one {@code Username} of the whole name (and fails on its second '@'), and
 * its PLAIN drops the authorization identity. So the credentials are rewritten to the representative's own
 * before James reads them, and the citizen is kept in the session ({@link #CITIZEN}) for
 * {@link GatedAuthentication}, which checks the representative's password and then the consent. Everything
 * else is James's own handling, unchanged. Used on the submission ports only.
 */
public final class DelegatingAuthCmdHandler extends AuthCmdHandler {
    /** The citizen a representative asked to act for, until the AUTH hook has decided. */
    static final AttachmentKey<Username> CITIZEN = AttachmentKey.of("org.smg.gateway.smtp.delegatedCitizen", Username.class);

    private static final String PLAIN = "PLAIN";
    private static final String LOGIN = "LOGIN";
    private static final Response READY_PLAIN = new SMTPResponse(SMTPRetCode.AUTH_READY, "OK. Continue authentication").immutable();
    private static final Response READY_USERNAME = new SMTPResponse(SMTPRetCode.AUTH_READY, "VXNlcm5hbWU6").immutable();
    private static final Response ABORTED = new SMTPResponse(SMTPRetCode.SYNTAX_ERROR_ARGUMENTS, "5.7.0 Authentication aborted").immutable();

    @Override
    public Response onCommand(SMTPSession session, Request request) {
        session.removeAttachment(CITIZEN, State.Connection);
        String argument = request.getArgument();
        if (session.getUsername() != null || argument == null || argument.isBlank()) {
            return super.onCommand(session, request);
        }
        String[] parts = argument.strip().split(" ", 2);
        String mechanism = parts[0].toUpperCase(Locale.ROOT);
        if (!mechanism.equals(PLAIN) && !mechanism.equals(LOGIN)) {
            return super.onCommand(session, request);
        }
        if (parts.length == 2) {
            return super.onCommand(session, new BaseRequest(request.getCommand(), mechanism + " " + rewritten(session, mechanism, parts[1].strip())));
        }
        // No initial response: read the next line here and hand it to James as if it had come with the command.
        session.pushLineHandler((LineHandler<SMTPSession>) (same, line) -> {
            String text = new String(line, same.getCharset());
            if (text.equals("*\r\n")) {
                same.popLineHandler();
                return ABORTED;
            }
            // James's PLAIN and LOGIN handling pops this handler, as it pops its own.
            return super.onCommand(same, new BaseRequest(request.getCommand(), mechanism + " " + rewritten(same, mechanism, text.strip())));
        });
        return mechanism.equals(PLAIN) ? READY_PLAIN : READY_USERNAME;
    }

    /** The base64 credentials with the representative as the only identity, the citizen kept aside; unchanged otherwise. */
    private static String rewritten(SMTPSession session, String mechanism, String base64) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return base64;
        }
        if (mechanism.equals(LOGIN)) {
            return DelegatedLoginName.parse(decoded)
                .map(name -> encoded(delegated(session, name.citizen(), name.representative().asString())))
                .orElse(base64);
        }
        String[] tokens = decoded.split("\0", -1);
        if (tokens.length != 3) {
            return base64;
        }
        Optional<DelegatedLoginName> name = DelegatedLoginName.parse(tokens[1]);
        if (name.isPresent()) {
            return plain(delegated(session, name.get().citizen(), name.get().representative().asString()), tokens[2]);
        }
        if (!tokens[0].isBlank() && !tokens[0].equalsIgnoreCase(tokens[1])) {
            try {
                return plain(delegated(session, Username.of(tokens[0]), tokens[1]), tokens[2]);
            } catch (IllegalArgumentException malformed) {
                return base64;
            }
        }
        return base64;
    }

    private static String delegated(SMTPSession session, Username citizen, String representative) {
        session.setAttachment(CITIZEN, citizen, State.Connection);
        return representative;
    }

    private static String plain(String representative, String password) {
        return encoded("\0" + representative + "\0" + password);
    }

    private static String encoded(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
