package org.smg.gateway.provisioning;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;

import org.apache.james.core.Username;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smg.gateway.secrets.Secret;
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

    public static DemoAccount ensure(UsersRepository users, String domain, Path passwordFile) throws UsersRepositoryException, IOException {
        Username username = Username.of(LOCAL_PART + "@" + domain);
        if (users.contains(username)) {
            return new DemoAccount(prefix(username) + "stored in " + passwordFile);
        }
        Secret password = SecretFiles.readOrCreate(passwordFile);
        users.addUser(username, password.reveal());
        LOGGER.info("Created demo account {}", username.asString());
        return new DemoAccount(prefix(username) + password.reveal());
    }

    /** The line {@code ./run.sh} prints: the password itself only on the start that created the account. */
    public String loginLine() {
        return loginLine;
    }

    private static String prefix(Username username) {
        return "demo login: " + username.asString() + " password: ";
    }
}
