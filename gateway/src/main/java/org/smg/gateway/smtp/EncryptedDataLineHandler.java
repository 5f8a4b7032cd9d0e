package org.smg.gateway.smtp;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.apache.james.lifecycle.api.LifecycleUtil;
import org.apache.james.protocols.api.ProtocolSession.State;
import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.api.handler.LineHandler;
import org.apache.james.protocols.netty.CommandInjectionDetectedException;
import org.apache.james.protocols.smtp.SMTPResponse;
import org.apache.james.protocols.smtp.SMTPRetCode;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.dsn.DSNStatus;
import org.apache.james.server.core.MailImpl;
import org.apache.james.server.core.MimeMessageInputStreamSource;
import org.apache.james.smtpserver.DataLineJamesMessageHookHandler;
import org.apache.james.smtpserver.ExtendedSMTPSession;
import org.apache.james.smtpserver.SMTPConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.common.collect.ImmutableList;

/**
 * James's DATA line handler, except where the lines go: into an {@link EncryptedDataSpool} instead of
 * James's {@code MimeMessageInputStreamSource}, which keeps messages over 100 KiB in a plain-text
 * temporary file. Message hooks, the mail handed to the queue and the replies are James's
 * ({@code processExtensions}); {@link GatewayCoreHandlers} puts this handler in James's place.
 *
 * <p>James's own source, created by its DATA command handler, stays empty: it is only handed to
 * message hooks as an output stream, which none of the gateway's hooks writes to.
 */
public class EncryptedDataLineHandler extends DataLineJamesMessageHookHandler {
    private static final Logger LOGGER = LoggerFactory.getLogger(EncryptedDataLineHandler.class);
    private static final byte DOT = '.';

    @Override
    public Response onLine(SMTPSession session, byte[] line, LineHandler<SMTPSession> next) {
        try {
            refuseBareLineFeed(line);
            EncryptedDataSpool spool = EncryptedDataSpool.of(session);
            OutputStream out = spool.out();
            if (line.length == 3 && line[0] == DOT) {
                return endOfData(session, spool);
            } else if (line[0] == DOT && line[1] == DOT) {
                out.write(line, 1, line.length - 1);
            } else {
                out.write(line);
            }
            return null;
        } catch (IOException e) {
            EncryptedDataSpool.detach(session);
            session.popLineHandler();
            LOGGER.error("Spooling DATA failed", e);
            SMTPResponse response = new SMTPResponse(SMTPRetCode.LOCAL_ERROR,
                DSNStatus.getStatus(DSNStatus.TRANSIENT, DSNStatus.UNDEFINED_STATUS) + " Error processing message");
            response.setEndSession(true);
            return response;
        } catch (CommandInjectionDetectedException e) {
            EncryptedDataSpool.detach(session);
            session.popLineHandler();
            LOGGER.info("Bare line feed in DATA, which might indicate an SMTP smuggling attempt");
            SMTPResponse response = new SMTPResponse(SMTPRetCode.SYNTAX_ERROR_COMMAND_UNRECOGNIZED,
                DSNStatus.getStatus(DSNStatus.PERMANENT, DSNStatus.UNDEFINED_STATUS) + " line delimiter must be CRLF");
            response.setEndSession(true);
            return response;
        }
    }

    /** As James: every DATA line must end in CRLF (SMTP smuggling), unless James's switch turns the check off. */
    private static void refuseBareLineFeed(byte[] line) {
        if (DETECT_SMTP_SMUGGLING && (line.length < 2 || line[line.length - 2] != '\r' || line[line.length - 1] != '\n')) {
            throw new CommandInjectionDetectedException();
        }
    }

    private Response endOfData(SMTPSession session, EncryptedDataSpool spool) throws IOException {
        MimeMessageInputStreamSource unused = ((ExtendedSMTPSession) session).getMimeMessageWriter();
        MailImpl mail = MailImpl.builder()
            .name(spool.mailName())
            .sender(session.getAttachment(SMTPSession.SENDER, State.Transaction).orElse(MaybeSender.nullSender()))
            .addRecipients(session.getAttachment(SMTPSession.RCPT_LIST, State.Transaction).orElse(ImmutableList.<MailAddress>of()))
            .build();
        try {
            mail.setMessageContent(spool.finish());
            session.setAttachment(SMTPConstants.MAIL, mail, State.Transaction);
            Response response = processExtensions(session, mail, unused);
            session.popLineHandler();
            return response;
        } catch (MessagingException e) {
            LOGGER.info("Unexpected error handling DATA stream of mail {}", spool.mailName(), e);
            session.popLineHandler();
            return new SMTPResponse(SMTPRetCode.LOCAL_ERROR, "Unexpected error handling DATA stream.");
        } finally {
            EncryptedDataSpool.detach(session);
            LifecycleUtil.dispose(mail);
            LifecycleUtil.dispose(unused);
        }
    }
}
