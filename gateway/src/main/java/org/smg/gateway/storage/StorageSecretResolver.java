package org.smg.gateway.storage;

import java.util.Map;
import java.util.Optional;

import org.smg.policies.settings.SecretSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Finds the storage boot secret: the environment variable if set, else the secret file (created on first start). */
public final class StorageSecretResolver {
    private static final Logger LOGGER = LoggerFactory.getLogger(StorageSecretResolver.class);
    static final int MINIMUM_LENGTH = 16;

    private final Map<String, String> environment;

    public StorageSecretResolver(Map<String, String> environment) {
        this.environment = environment;
    }

    public Secret resolve(SecretSource source) {
        Optional<String> fromEnvironment = Optional.ofNullable(environment.get(source.environmentVariable()))
            .filter(value -> !value.isBlank());
        Secret secret;
        if (fromEnvironment.isPresent()) {
            LOGGER.info("Storage secret taken from environment variable {}", source.environmentVariable());
            secret = Secret.of(fromEnvironment.get().strip());
        } else {
            LOGGER.info("Storage secret taken from file {}", source.file());
            secret = SecretFiles.readOrCreate(source.file());
        }
        if (secret.length() < MINIMUM_LENGTH) {
            throw new IllegalStateException("the storage secret is too short: expected at least "
                + MINIMUM_LENGTH + " characters (" + source.environmentVariable() + " or " + source.file() + ")");
        }
        return secret;
    }
}
