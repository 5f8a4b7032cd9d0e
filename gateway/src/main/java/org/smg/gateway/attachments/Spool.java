package org.smg.gateway.attachments;

import java.io.IOException;
import java.io.InputStream;

/** Makes {@link SpooledContent} from a stream, refusing to hold more than a limit. */
public interface Spool {

    /**
     * Reads {@code in} to its end into new spooled content.
     *
     * @param limit the most bytes to hold
     * @throws SpoolLimitExceededException when {@code in} has more than {@code limit} bytes (nothing is kept)
     */
    SpooledContent write(InputStream in, long limit) throws IOException;
}
