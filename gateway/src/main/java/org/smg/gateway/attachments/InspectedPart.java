package org.smg.gateway.attachments;

import java.util.Objects;

/** One attached file of an inspected message, as a sender may be shown it: name, decoded size, type from its bytes. */
public final class InspectedPart {
    private final String name;
    private final long size;
    private final String detectedType;

    public InspectedPart(String name, long size, String detectedType) {
        this.name = Objects.requireNonNull(name, "name");
        this.size = size;
        this.detectedType = Objects.requireNonNull(detectedType, "detectedType");
    }

    /** The file name the sender gave, or a description of an unnamed part. */
    public String name() {
        return name;
    }

    public long size() {
        return size;
    }

    public String detectedType() {
        return detectedType;
    }

    @Override
    public String toString() {
        return name + " (" + detectedType + ", " + size + " bytes)";
    }
}
