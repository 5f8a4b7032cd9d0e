package org.smg.gateway.dkim;

import org.apache.james.webadmin.Routes;
import org.smg.gateway.admin.DkimRoutes;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;

/** The DKIM key and selector for the {@link SignOwnDomains} mailet, and WebAdmin's {@code GET /dkim}. */
public final class DkimModule extends AbstractModule {
    private final DkimSigning signing;

    public DkimModule(DkimSigning signing) {
        this.signing = signing;
    }

    @Override
    protected void configure() {
        bind(DkimSigning.class).toInstance(signing);
        Multibinder.newSetBinder(binder(), Routes.class).addBinding().to(DkimRoutes.class);
    }
}
