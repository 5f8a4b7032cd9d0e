package org.smg.gateway.webadmin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class AdminRequestGateTest {
    @Test
    void readAtMostShouldReturnTheBodyWhenItIsExactlyTheLimit() throws Exception {
        byte[] body = new byte[1024];

        assertThat(AdminRequestGate.readAtMost(new ByteArrayInputStream(body), 1024)).hasValueSatisfying(read -> assertThat(read).hasSize(1024));
    }

    @Test
    void readAtMostShouldStopOneByteAfterTheLimitWhenTheBodyNeverEnds() throws Exception {
        AtomicLong served = new AtomicLong();
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                served.incrementAndGet();
                return 0;
            }
        };

        assertThat(AdminRequestGate.readAtMost(endless, 1024)).isEmpty();
        assertThat(served.get()).isEqualTo(1025);
    }
}
