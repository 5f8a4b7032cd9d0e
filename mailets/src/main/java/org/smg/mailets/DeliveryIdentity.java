package org.smg.mailets;

import org.apache.mailet.AttributeName;

/** Names shared by the queue and the mailets that make delivery happen exactly once. */
public final class DeliveryIdentity {
    /** Header carrying the mail's queue name in every delivered copy: an id, never content. */
    public static final String HEADER = "X-SMG-Delivery-Id";

    /** Set by the queue on a mail handed out again after its processing was interrupted (crash, restart). */
    public static final AttributeName REDELIVERY = AttributeName.of("org.smg.queue.redelivery");

    /** Set by James's spooler on a mail re-enqueued after a processing error. */
    public static final AttributeName PROCESSING_ERROR_COUNT = AttributeName.of("mail-processing-error-count");

    private DeliveryIdentity() {
    }
}
