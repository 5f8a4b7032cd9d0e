package org.smg.gateway.routing;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Base64;

import javax.inject.Singleton;
import javax.sql.DataSource;

import org.smg.gateway.enrollment.Enrollment;
import org.smg.gateway.secrets.SecretFiles;
import org.smg.policies.model.PolicyHolder;
import org.smg.policies.settings.GatewaySettings;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;

/** Citizen-to-staff routing: reply addresses (key in the secrets directory, threads in the database) and topic routes. */
public final class RoutingModule extends AbstractModule {
    private final GatewaySettings settings;
    private final Path replyKeyFile;

    /** @param replyKeyFile the reply address key ({@code SecretLocations.replyAddressKey()}), made on first start */
    public RoutingModule(GatewaySettings settings, Path replyKeyFile) {
        this.settings = settings;
        this.replyKeyFile = replyKeyFile;
    }

    @Provides
    @Singleton
    ReplyTokens tokens() throws IOException {
        byte[] key;
        try {
            key = Base64.getUrlDecoder().decode(SecretFiles.readOrCreate(replyKeyFile).reveal());
        } catch (IllegalArgumentException e) {
            throw new IOException("secret file " + replyKeyFile + " is not the base64url key the gateway generates;"
                + " delete it to generate a new one (earlier reply addresses then stop working)", e);
        }
        return ReplyTokens.withKey(key);
    }

    @Provides
    @Singleton
    ReplyThreadStore threads(DataSource dataSource) throws SQLException {
        ReplyThreadStore store = new ReplyThreadStore(dataSource);
        store.createIfMissing();
        return store;
    }

    @Provides
    @Singleton
    ReplyAddresses replies(ReplyTokens tokens, ReplyThreadStore threads) {
        return new ReplyAddresses(tokens, threads, settings.defaultDomain());
    }

    @Provides
    @Singleton
    CitizenRoutes routes(Enrollment enrollment, PolicyHolder policies, ReplyAddresses replies) {
        return new CitizenRoutes(enrollment, policies, replies, settings.domains());
    }
}
