package org.smg.gateway.attachments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncryptedSpoolTest {
    private static final int BOUND = 1024;
    private static final byte[] CANARY = "CANARY-attachment-plaintext-0123456789".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path directory;

    @Test
    void writeShouldKeepContentInMemoryWhenBelowBound() throws IOException {
        byte[] bytes = randomBytes(BOUND);

        try (SpooledContent content = spool().write(new ByteArrayInputStream(bytes), 10_000)) {

            assertThat(content.size()).isEqualTo(BOUND);
            assertThat(content.open().readAllBytes()).isEqualTo(bytes);
            assertThat(filesInDirectory()).isEmpty();
        }
    }

    @Test
    void writeShouldRoundTripThroughEncryptedFileWhenAboveBound() throws IOException {
        byte[] bytes = randomBytes(300_000);

        try (SpooledContent content = spool().write(new ByteArrayInputStream(bytes), 1_000_000)) {

            assertThat(content.size()).isEqualTo(bytes.length);
            assertThat(content.open().readAllBytes()).isEqualTo(bytes);
            assertThat(content.open().readAllBytes()).isEqualTo(bytes);
            assertThat(filesInDirectory()).hasSize(1);
        }
    }

    @Test
    void channelShouldReadAnyRangeWhenPositionedAtArbitraryOffsets() throws IOException {
        byte[] bytes = randomBytes(200_003);
        Random random = new Random(7);

        try (SpooledContent content = spool().write(new ByteArrayInputStream(bytes), 1_000_000);
             SeekableByteChannel channel = content.channel()) {

            for (int i = 0; i < 200; i++) {
                int offset = random.nextInt(bytes.length);
                int length = Math.min(1 + random.nextInt(100_000), bytes.length - offset);
                assertThat(readAt(channel, offset, length)).isEqualTo(Arrays.copyOfRange(bytes, offset, offset + length));
            }
            assertThat(channel.size()).isEqualTo(bytes.length);
        }
    }

    @Test
    void channelShouldReturnEndOfStreamWhenPositionedAtEnd() throws IOException {
        try (SpooledContent content = spool().write(new ByteArrayInputStream(randomBytes(5000)), 10_000);
             SeekableByteChannel channel = content.channel()) {

            channel.position(5000);

            assertThat(channel.read(ByteBuffer.allocate(10))).isEqualTo(-1);
        }
    }

    @Test
    void channelShouldRefuseWritesWhenContentIsOnDiskOrInMemory() throws IOException {
        try (SpooledContent large = spool().write(new ByteArrayInputStream(randomBytes(5000)), 10_000);
             SpooledContent small = spool().write(new ByteArrayInputStream(randomBytes(10)), 10_000)) {

            for (SpooledContent content : List.of(large, small)) {
                try (SeekableByteChannel channel = content.channel()) {
                    assertThatThrownBy(() -> channel.write(ByteBuffer.allocate(1))).isInstanceOf(NonWritableChannelException.class);
                }
            }
        }
    }

    @Test
    void writeShouldNotLeavePlaintextOnDiskWhenAboveBound() throws IOException {
        byte[] bytes = repeated(CANARY, 2000);

        try (SpooledContent content = spool().write(new ByteArrayInputStream(bytes), 1_000_000)) {

            Path file = filesInDirectory().get(0);
            byte[] onDisk = Files.readAllBytes(file);
            assertThat(onDisk).hasSize(bytes.length);
            assertThat(indexOf(onDisk, CANARY)).isEqualTo(-1);
            assertThat(indexOf(onDisk, Arrays.copyOf(CANARY, 8))).isEqualTo(-1);
            assertThat(Files.getPosixFilePermissions(file)).isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        }
    }

    @Test
    void writeShouldUseAFreshKeyWhenSpoolingTheSameBytesTwice() throws IOException {
        byte[] bytes = repeated(CANARY, 100);

        try (SpooledContent first = spool().write(new ByteArrayInputStream(bytes), 1_000_000);
             SpooledContent second = spool().write(new ByteArrayInputStream(bytes), 1_000_000)) {

            List<Path> files = filesInDirectory();
            assertThat(files).hasSize(2);
            assertThat(Files.readAllBytes(files.get(0))).isNotEqualTo(Files.readAllBytes(files.get(1)));
        }
    }

    @Test
    void writeShouldThrowAndKeepNothingWhenLimitExceededOnDisk() throws IOException {
        InputStream tooLong = new ByteArrayInputStream(randomBytes(100_001));

        assertThatThrownBy(() -> spool().write(tooLong, 100_000))
            .isInstanceOf(SpoolLimitExceededException.class)
            .satisfies(e -> assertThat(((SpoolLimitExceededException) e).limit()).isEqualTo(100_000));

        assertThat(filesInDirectory()).isEmpty();
    }

    @Test
    void writeShouldThrowWhenLimitExceededBelowMemoryBound() {
        InputStream tooLong = new ByteArrayInputStream(randomBytes(101));

        assertThatThrownBy(() -> spool().write(tooLong, 100)).isInstanceOf(SpoolLimitExceededException.class);

        assertThat(filesInDirectory()).isEmpty();
    }

    @Test
    void writeShouldAcceptContentWhenExactlyAtLimit() throws IOException {
        byte[] bytes = randomBytes(100_000);

        try (SpooledContent content = spool().write(new ByteArrayInputStream(bytes), 100_000)) {

            assertThat(content.size()).isEqualTo(100_000);
        }
    }

    @Test
    void closeShouldDeleteTheEncryptedFile() throws IOException {
        SpooledContent content = spool().write(new ByteArrayInputStream(randomBytes(5000)), 10_000);

        content.close();

        assertThat(filesInDirectory()).isEmpty();
        assertThatThrownBy(content::channel).isInstanceOf(IOException.class);
    }

    private EncryptedSpool spool() {
        return new EncryptedSpool(BOUND, directory);
    }

    private List<Path> filesInDirectory() {
        try (Stream<Path> files = Files.list(directory)) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] readAt(SeekableByteChannel channel, long offset, int length) throws IOException {
        channel.position(offset);
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining() && channel.read(buffer) > 0) {
            // keep reading: a read returns at most one chunk
        }
        return buffer.array();
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        new Random(length).nextBytes(bytes);
        return bytes;
    }

    private static byte[] repeated(byte[] unit, int times) {
        byte[] bytes = new byte[unit.length * times];
        for (int i = 0; i < times; i++) {
            System.arraycopy(unit, 0, bytes, i * unit.length, unit.length);
        }
        return bytes;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
