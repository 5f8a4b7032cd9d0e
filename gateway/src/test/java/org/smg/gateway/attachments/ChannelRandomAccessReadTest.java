package org.smg.gateway.attachments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;

import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.pdfbox.io.RandomAccessRead;
import org.junit.jupiter.api.Test;

class ChannelRandomAccessReadTest {
    /** Longer than the read buffer, so that reads cross its edges. */
    private static final byte[] BYTES = bytes(40_000);

    @Test
    void readShouldGiveTheBytesInOrderAcrossBufferEdgesAndThenMinusOne() throws IOException {
        try (RandomAccessRead read = open()) {
            byte[] all = new byte[BYTES.length];
            int total = 0;
            int count;
            while ((count = read.read(all, total, Math.min(5000, all.length - total))) > 0) {
                total += count;
            }

            assertThat(all).isEqualTo(BYTES);
            assertThat(read.read()).isEqualTo(-1);
            assertThat(read.isEOF()).isTrue();
        }
    }

    @Test
    void seekShouldMoveWhereTheNextByteIsReadFromBackwardsAndForwards() throws IOException {
        try (RandomAccessRead read = open()) {
            read.seek(39_999);
            int last = read.read();
            read.seek(16_384);
            int afterFirstBuffer = read.read();
            read.rewind(1);

            assertThat(last).isEqualTo(BYTES[39_999] & 0xFF);
            assertThat(afterFirstBuffer).isEqualTo(BYTES[16_384] & 0xFF);
            assertThat(read.getPosition()).isEqualTo(16_384);
            assertThat(read.peek()).isEqualTo(BYTES[16_384] & 0xFF);
            assertThat(read.length()).isEqualTo(BYTES.length);
        }
    }

    @Test
    void createViewShouldReadOnlyItsRange() throws IOException {
        try (RandomAccessRead read = open(); RandomAccessRead view = read.createView(100, 3)) {
            byte[] three = new byte[3];

            view.readFully(three);

            assertThat(three).containsExactly(BYTES[100], BYTES[101], BYTES[102]);
            assertThat(view.read()).isEqualTo(-1);
        }
    }

    @Test
    void readShouldFailWhenClosed() throws IOException {
        RandomAccessRead read = open();

        read.close();

        assertThat(read.isClosed()).isTrue();
        assertThatThrownBy(read::read).isInstanceOf(IOException.class);
    }

    private static RandomAccessRead open() throws IOException {
        return new ChannelRandomAccessRead(new SeekableInMemoryByteChannel(BYTES));
    }

    private static byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i * 31 + i / 256);
        }
        return bytes;
    }
}
