package org.smg.gateway.it;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.smtp.SmtpConnection;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.smtp.commands.MailCommand;
import com.icegreen.greenmail.smtp.commands.SmtpCommand;
import com.icegreen.greenmail.smtp.commands.SmtpCommandRegistry;

/**
 * Teaches GreenMail the null reverse-path of RFC 5321 ({@code MAIL FROM:<>}), which DSNs must use:
 * GreenMail 1.6 (and 2.1) answers it with 250 but then refuses every RCPT with 503, taking the
 * null path for no MAIL at all. Installed in place of GreenMail's MAIL command for the test JVM;
 * every MAIL line it sees is kept so a test can tell which envelope a message came with.
 */
final class NullReversePath extends SmtpCommand {
    /** The return path GreenMail records for a null reverse-path (it needs some address to accept RCPT). */
    static final String MARK = "null-reverse-path@invalid";
    private static final Pattern NULL_PATH = Pattern.compile("MAIL FROM:\\s?<>.*", Pattern.CASE_INSENSITIVE);
    private static final List<String> MAIL_LINES = Collections.synchronizedList(new ArrayList<>());
    private static final SmtpCommand GREENMAIL_MAIL = new MailCommand();

    private NullReversePath() {
    }

    static synchronized void install() {
        try {
            Field field = SmtpCommandRegistry.class.getDeclaredField("commands");
            field.setAccessible(true);
            @SuppressWarnings("unchecked") // GreenMail's own registry: command word -> command
            Map<String, SmtpCommand> commands = (Map<String, SmtpCommand>) field.get(null);
            commands.put("MAIL", new NullReversePath());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("GreenMail's command registry changed; see NullReversePath", e);
        }
    }

    /** Every MAIL command line GreenMail received since the JVM started. */
    static List<String> mailLines() {
        synchronized (MAIL_LINES) {
            return List.copyOf(MAIL_LINES);
        }
    }

    @Override
    public void execute(SmtpConnection connection, SmtpState state, SmtpManager manager, String commandLine) throws java.io.IOException {
        MAIL_LINES.add(commandLine);
        if (!NULL_PATH.matcher(commandLine).matches()) {
            GREENMAIL_MAIL.execute(connection, state, manager, commandLine);
            return;
        }
        state.clearMessagePreservingAuthenticationState();
        state.getMessage().setReturnPath(new MailAddress(MARK));
        connection.send("250 OK");
    }
}
