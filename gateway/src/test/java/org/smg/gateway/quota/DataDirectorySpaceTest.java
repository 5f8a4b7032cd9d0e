package org.smg.gateway.quota;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectorySpaceTest {
    @TempDir
    Path data;

    @Test
    void belowMinimumShouldBeFalseWhenTheDiskHasMoreThanTheMinimum() {
        DataDirectorySpace space = new DataDirectorySpace(data, 1);

        assertThat(space.belowMinimum()).isFalse();
    }

    @Test
    void belowMinimumShouldBeTrueWhenTheMinimumIsLargerThanAnyDisk() {
        DataDirectorySpace space = new DataDirectorySpace(data, 1L << 50);

        assertThat(space.belowMinimum()).isTrue();
    }

    @Test
    void belowMinimumShouldBeTrueWhenTheDirectoryCannotBeRead() {
        DataDirectorySpace space = new DataDirectorySpace(data.resolve("missing"), 1);

        assertThat(space.belowMinimum()).isTrue();
    }

    @Test
    void belowMinimumShouldBeFalseWhenTheGuardIsOffEvenForAMissingDirectory() {
        DataDirectorySpace space = new DataDirectorySpace(data.resolve("missing"), 0);

        assertThat(space.belowMinimum()).isFalse();
    }
}
