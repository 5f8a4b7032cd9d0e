package org.smg.gateway.provisioning;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;

import org.apache.james.core.Username;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smg.gateway.enrollment.Enrollment;
import org.smg.gateway.enrollment.EnrollmentException;
import org.smg.gateway.enrollment.InvitationRequest;
import org.smg.gateway.enrollment.IssuedLink;
import org.smg.gateway.secrets.Secret;
import org.smg.mailets.audit.AuditException;
import org.smg.gateway.secrets.SecretFiles;

/**
 * The {@code --demo} citizen account: created on first start with a random password kept in the
 * secrets directory (mode 0600). The password is printed once, when the account is created;
 * later starts print where it is stored, so it does not pile up in terminal scroll-back and logs.
 * An account whose password sits in a file is for trying the gateway out on one machine only:
 * {@link #requireLoopback} refuses it when any listener is reachable from the network.
 */
public final class DemoAccount {
    private static final Logger LOGGER = LoggerFactory.getLogger(DemoAccount.class);
    static final String LOCAL_PART = "demo";
    private static final String DISPLAY_NAME = "Demo Citizen";
    private static final String DEMO_EMAIL = "demo.citizen@example.net";
    private static final String DEMO_PROGRAM = "ECO";
    private static final String INVITEE_NAME = "Jane Doe";
    private static final String INVITEE_EMAIL = "jane.doe@example.net";

    private final String loginLine;

    private DemoAccount(String loginLine) {
        this.loginLine = loginLine;
    }

    /**
     * Refuses {@code --demo} unless the mail and web listeners bind to a loopback address
     * (WebAdmin always does); the message says what to change.
     */
    public static void requireLoopback(InetAddress bindAddress) {
        if (!bindAddress.isLoopbackAddress()) {
            throw new IllegalArgumentException("--demo creates an account whose password is kept in a file and is allowed only"
                + " when every listener is on loopback, but gateway.bindAddress is " + bindAddress.getHostAddress()
                + ": set gateway.bindAddress=127.0.0.1 or start with --no-demo");
        }
    }

    /** Makes sure the demo citizen exists in James and as an active ECO account with the terms accepted. */
    public static DemoAccount ensure(UsersRepository users, Enrollment enrollment, String domain, Path passwordFile)
            throws UsersRepositoryException, IOException, SQLException, EnrollmentException {
        Username username = Username.of(LOCAL_PART + "@" + domain);
        enrollment.ensureActive(username.asString(), DISPLAY_NAME, DEMO_EMAIL, DEMO_PROGRAM);
        if (users.contains(username)) {
            return new DemoAccount(prefix(username) + "stored in " + passwordFile);
        }
        Secret password = SecretFiles.readOrCreate(passwordFile);
        users.addUser(username, password.reveal());
        LOGGER.info("Created demo account {}", username.asString());
        return new DemoAccount(prefix(username) + password.reveal());
    }

    /**
     * A fresh invitation for a newcomer to try registration in a browser; it replaces the one of
     * the previous start, and no email is sent for it.
     */
    public String invitationLine(Enrollment enrollment) throws SQLException, EnrollmentException, AuditException {
        IssuedLink issued = enrollment.invite(new InvitationRequest(DEMO_PROGRAM, INVITEE_EMAIL, INVITEE_NAME, Optional.empty(), Optional.empty()),
            "demo", false);
        return "demo invitation: " + issued.link() + " (for " + issued.invitation().address() + ", expires " + issued.invitation().expires() + ")";
    }

    /** The line {@code ./run.sh} prints: the password itself only on the start that created the account. */
    public String loginLine() {
        return loginLine;
    }

    private static String prefix(Username username) {
        return "demo login: " + username.asString() + " password: ";
    }
}
