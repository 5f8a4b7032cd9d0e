package org.smg.gateway.storage;

import java.util.HashMap;
import java.util.Map;

import javax.inject.Singleton;
import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;
import javax.sql.DataSource;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;

/**
 * Binds the encrypted Derby database and the one JPA persistence unit ({@code META-INF/persistence.xml})
 * that every James JPA store of the gateway shares.
 */
public final class JpaStorageModule extends AbstractModule {
    private static final String PERSISTENCE_UNIT = "smg";

    private final EncryptedDerbyDatabase database;

    public JpaStorageModule(EncryptedDerbyDatabase database) {
        this.database = database;
    }

    @Override
    protected void configure() {
        bind(EncryptedDerbyDatabase.class).toInstance(database);
        bind(DataSource.class).toInstance(database.dataSource());
    }

    @Provides
    @Singleton
    EntityManagerFactory entityManagerFactory(DataSource dataSource) {
        Map<String, Object> properties = new HashMap<>();
        // A DataSource object rather than a URL: no connection string (and no secret) in OpenJPA's configuration.
        properties.put("openjpa.ConnectionFactory", dataSource);
        return Persistence.createEntityManagerFactory(PERSISTENCE_UNIT, properties);
    }
}
