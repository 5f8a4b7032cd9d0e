package org.smg.gateway.secrets;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smg.policies.settings.SecretSource;

/** Finds the storage boot secret: the environment variable if set, else the secret file (created on first start). */
public final class StorageSecretResolver {
    private static final Logger LOGGER = LoggerFactory.getLogger(StorageSecretResolver.class);
    static final int MINIMUM_LENGTH = 16;

    private final Map<String, String> environment;

    public StorageSecretResolver(Map<String, String> environment) {
        this.environment = environment;
    }

    public Secret resolve(SecretSource source) throws IOException {
        Optional<String> fromEnvironment = Optional.ofNullable(environment.get(source.environmentVariable()))
            .filter(value -> !value.isBlank());
        Secret secret;
        String origin;
        if (fromEnvironment.isPresent()) {
            origin = "environment variable " + source.environmentVariable();
            secret = Secret.of(fromEnvironment.get().strip());
        } else {
            origin = "file " + source.file();
            secret = SecretFiles.readOrCreate(source.file());
        }
        LOGGER.info("Storage secret taken from {}", origin);
        if (secret.length() < MINIMUM_LENGTH) {
            // Names where the secret came from, so the operator knows which one to fix; never the value.
            throw new IllegalStateException("the storage secret from " + origin + " is too short: expected at least "
                + MINIMUM_LENGTH + " characters");
        }
        return secret;
    }
}
