package org.smg.gateway.quota;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The usable space of the data directory's disk against {@code storage.minFreeSpace}. Asked at each new mail, so
 * the guard lifts as soon as space is freed; the file store answers from the file system's counters, without
 * walking any directory.
 */
public final class DataDirectorySpace {
    private final Path dataDirectory;
    private final long minFreeSpace;

    /** @param minFreeSpace bytes to keep free; 0 switches the guard off */
    public DataDirectorySpace(Path dataDirectory, long minFreeSpace) {
        this.dataDirectory = dataDirectory;
        this.minFreeSpace = minFreeSpace;
    }

    /** True when less than the minimum is free, or when the free space cannot be read (fail closed). */
    public boolean belowMinimum() {
        if (minFreeSpace == 0) {
            return false;
        }
        try {
            return Files.getFileStore(dataDirectory).getUsableSpace() < minFreeSpace;
        } catch (IOException e) {
            return true;
        }
    }
}
