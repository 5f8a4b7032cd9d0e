package org.smg.policies.model;

import java.util.List;
import org.smg.policies.settings.SettingsError;

/** What a reload did: applied a new snapshot, or refused the files and kept the previous one. */
public sealed interface ReloadOutcome permits ReloadOutcome.Applied, ReloadOutcome.Refused {

    /** The files were valid; {@code policies} is now current. */
    record Applied(Policies policies) implements ReloadOutcome {
    }

    /** The files had errors; the previous snapshot, {@code kept}, stays current. */
    record Refused(List<SettingsError> errors, Policies kept) implements ReloadOutcome {
        public Refused {
            errors = List.copyOf(errors);
        }
    }
}
