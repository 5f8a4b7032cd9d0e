package org.smg.gateway.maintenance;

import java.time.Clock;

import javax.inject.Singleton;

import org.apache.james.utils.InitializationOperation;
import org.apache.james.utils.InitilizationOperationBuilder;
import org.smg.policies.model.PolicyHolder;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Scopes;
import com.google.inject.multibindings.ProvidesIntoSet;

/** Maintenance windows: the question "is a window in force?" and the timer that ends sessions at a window's start. */
public final class MaintenanceModule extends AbstractModule {
    @Override
    protected void configure() {
        // Constructed by Guice (not provided) so that James's lifecycle sees its @PreDestroy.
        bind(MaintenanceStarts.class).in(Scopes.SINGLETON);
    }

    @Provides
    @Singleton
    Maintenance maintenance(PolicyHolder policies) {
        return new Maintenance(policies, Clock.systemUTC());
    }

    @ProvidesIntoSet
    InitializationOperation startMaintenanceTimer(MaintenanceStarts starts) {
        return InitilizationOperationBuilder.forClass(MaintenanceStarts.class).init(starts::start);
    }
}
