package org.smg.gateway.records;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smg.gateway.audit.AuditTrail;
import org.smg.policies.model.Program;
import org.smg.policies.model.Programs;
import org.smg.policies.yaml.ValueTypes;
import org.smg.mailets.audit.AuditAction;

/**
 * Disposes of records past their program's retention (programs.yaml {@code retention}, else
 * {@code recordsRetention}) that no legal hold covers. Each disposal deletes the record and
 * appends {@link AuditAction#RECORD_DISPOSED} in one transaction: a record never disappears
 * without its audit entry. The clock is injected so that tests can stand years later.
 */
public final class RecordDisposal {
    static final int BATCH = 500;
    private static final Logger LOGGER = LoggerFactory.getLogger(RecordDisposal.class);

    private final RecordStore store;
    private final Supplier<Programs> programs;
    private final AuditTrail audit;
    private final Clock clock;

    public RecordDisposal(RecordStore store, Supplier<Programs> programs, AuditTrail audit, Clock clock) {
        this.store = store;
        this.programs = programs;
        this.audit = audit;
        this.clock = clock;
    }

    /** Disposes of every record due now; returns how many went. */
    public int disposeDue() throws RecordException {
        Instant now = clock.instant();
        Programs current = programs.get();
        int disposed = 0;
        for (Program program : current.all()) {
            disposed += disposeAll(Optional.of(program.id()), List.of(), program.retention(), now);
        }
        // Records of no program, or of a program since removed from the file: the file's default retention.
        disposed += disposeAll(Optional.empty(), current.all().stream().map(Program::id).toList(), current.defaultRetention(), now);
        if (disposed > 0) {
            LOGGER.info("records: {} record(s) past retention disposed of", disposed);
        }
        return disposed;
    }

    private int disposeAll(Optional<String> program, List<String> excluded, Period retention, Instant now) throws RecordException {
        Instant cutoff = now.atOffset(ZoneOffset.UTC).minus(retention).toInstant();
        int disposed = 0;
        while (true) {
            List<MessageRecord> due = store.due(program, excluded, cutoff, BATCH);
            for (MessageRecord record : due) {
                if (store.dispose(record.id(), () -> audit.record("system", AuditAction.RECORD_DISPOSED, record.id(), "disposed",
                    "account=" + record.account() + " program=" + record.program() + " direction=" + record.direction().word()
                        + " date=" + record.date() + " retention=" + ValueTypes.format(retention)))) {
                    disposed++;
                }
            }
            if (due.size() < BATCH) {
                return disposed;
            }
        }
    }
}
