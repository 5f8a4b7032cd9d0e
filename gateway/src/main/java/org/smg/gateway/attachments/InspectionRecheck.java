package org.smg.gateway.attachments;

import java.io.IOException;
import java.util.List;

import javax.inject.Inject;

import org.apache.mailet.Mail;
import org.smg.gateway.quarantine.QuarantineRecheck;

/** A quarantined mail is released only after the same inspection as new mail, with today's signatures and policy. */
public final class InspectionRecheck implements QuarantineRecheck {
    private final MailInspection inspection;

    @Inject
    public InspectionRecheck(MailInspection inspection) {
        this.inspection = inspection;
    }

    @Override
    public List<Refusal> recheck(Mail mail) throws ScannerUnavailableException, IOException {
        try {
            return inspection.inspect(mail).refusals();
        } catch (InspectionFailedException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
