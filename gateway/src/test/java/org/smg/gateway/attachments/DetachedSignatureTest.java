package org.smg.gateway.attachments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class DetachedSignatureTest {
    private static final byte[] SIGNED = "Content-Type: text/plain\r\n\r\nThe decision.\r\n".getBytes(StandardCharsets.US_ASCII);

    @Test
    void isDetachedSignatureShouldBeTrueWhenBytesAreDerSignedDataWithoutContent() {
        byte[] signature = SmimeSamples.detachedSignature(SIGNED);

        assertThat(DetachedSignature.isDetachedSignature(signature)).isTrue();
    }

    @Test
    void isDetachedSignatureShouldBeTrueWhenSignatureUsesIndefiniteLengths() {
        byte[] signature = SmimeSamples.detachedSignatureInBer(SIGNED);

        boolean detached = DetachedSignature.isDetachedSignature(signature);

        assertThat(signature).isNotEqualTo(SmimeSamples.detachedSignature(SIGNED));
        assertThat(detached).isTrue();
    }

    @Test
    void isDetachedSignatureShouldBeFalseWhenSignedDataCarriesItsContent() {
        byte[] opaque = SmimeSamples.encapsulatingSignature(TestMessages.pe());

        assertThat(DetachedSignature.isDetachedSignature(opaque)).isFalse();
    }

    @Test
    void isDetachedSignatureShouldBeFalseWhenBytesFollowTheSignature() {
        byte[] signature = SmimeSamples.detachedSignature(SIGNED);
        byte[] withPayload = Arrays.copyOf(signature, signature.length + TestMessages.pe().length);
        System.arraycopy(TestMessages.pe(), 0, withPayload, signature.length, TestMessages.pe().length);

        assertThat(DetachedSignature.isDetachedSignature(withPayload)).isFalse();
    }

    @Test
    void isDetachedSignatureShouldBeFalseWhenBytesAreAnExecutableOrTruncatedOrEmpty() {
        byte[] signature = SmimeSamples.detachedSignature(SIGNED);

        assertThat(DetachedSignature.isDetachedSignature(TestMessages.pe())).isFalse();
        assertThat(DetachedSignature.isDetachedSignature(TestMessages.elf())).isFalse();
        assertThat(DetachedSignature.isDetachedSignature(Arrays.copyOf(signature, signature.length - 10))).isFalse();
        assertThat(DetachedSignature.isDetachedSignature(new byte[0])).isFalse();
    }

    @Test
    void isDetachedSignatureShouldBeTrueWhenSpooledFileIsASignatureWithinTheBound() throws Exception {
        SpooledContent content = InMemorySpooledContent.of(SmimeSamples.detachedSignature(SIGNED));

        assertThat(DetachedSignature.isDetachedSignature(content)).isTrue();
    }

    @Test
    void isDetachedSignatureShouldBeFalseWithoutReadingWhenSpooledFileIsLargerThanTheBound() throws Exception {
        SpooledContent content = new LargerThanItIs(SmimeSamples.detachedSignature(SIGNED), DetachedSignature.MAX_SIZE + 1);

        assertThat(DetachedSignature.isDetachedSignature(content)).isFalse();
    }

    /** A valid signature that reports a larger size, so only the size bound can say no. */
    private record LargerThanItIs(byte[] bytes, long size) implements SpooledContent {
        @Override
        public InputStream open() {
            return new ByteArrayInputStream(bytes);
        }

        @Override
        public SeekableByteChannel channel() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
        }
    }
}
