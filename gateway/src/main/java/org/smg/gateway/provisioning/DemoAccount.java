package org.smg.gateway.provisioning;

import java.nio.file.Path;

import org.apache.james.core.Username;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smg.gateway.storage.Secret;
import org.smg.gateway.storage.SecretFiles;

/**
 * The {@code --demo} citizen account: created on first start with a random password kept in the
 * secrets directory (mode 0600), so every start can show the same login.
 */
public final class DemoAccount {
    private static final Logger LOGGER = LoggerFactory.getLogger(DemoAccount.class);
    static final String LOCAL_PART = "demo";

    private final Username username;
    private final Secret password;

    private DemoAccount(Username username, Secret password) {
        this.username = username;
        this.password = password;
    }

    public static DemoAccount ensure(UsersRepository users, String domain, Path secretsDirectory) throws UsersRepositoryException {
        Username username = Username.of(LOCAL_PART + "@" + domain);
        Secret password = SecretFiles.readOrCreate(secretsDirectory.resolve("demo.password"));
        if (!users.contains(username)) {
            users.addUser(username, password.reveal());
            LOGGER.info("Created demo account {}", username.asString());
        }
        return new DemoAccount(username, password);
    }

    /** The line {@code ./run.sh} prints; the only place the demo password is shown. */
    public String loginLine() {
        return "demo login: " + username.asString() + " password: " + password.reveal();
    }
}
