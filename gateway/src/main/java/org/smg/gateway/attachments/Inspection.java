package org.smg.gateway.attachments;

import java.util.List;

/** The outcome of inspecting one message: every refusal found (none: it may be delivered) and its attached files. */
public final class Inspection {
    private final List<Refusal> refusals;
    private final List<InspectedPart> attachments;

    public Inspection(List<Refusal> refusals, List<InspectedPart> attachments) {
        this.refusals = List.copyOf(refusals);
        this.attachments = List.copyOf(attachments);
    }

    public boolean isRefused() {
        return !refusals.isEmpty();
    }

    /** Every problem found, so the sender learns them at once; in the order the parts appear. */
    public List<Refusal> refusals() {
        return refusals;
    }

    /** The attached files reached (those after a size refusal of the whole message are not listed). */
    public List<InspectedPart> attachments() {
        return attachments;
    }

    @Override
    public String toString() {
        return isRefused() ? "refused " + refusals : "accepted " + attachments;
    }
}
