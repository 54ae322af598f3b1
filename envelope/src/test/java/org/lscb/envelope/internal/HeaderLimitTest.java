package org.lscb.envelope.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** A step that needs only an envelope's header may move through at most {@link HeaderLimit#MAX_HEADER} bytes, however it moves. */
class HeaderLimitTest {

    @Test
    void readingOrSkipping_upToTheLimit_isAllowed_andOneByteMoreIsRefused() throws Exception {
        try (HeaderLimit in = new HeaderLimit(zeros())) {
            assertThat(in.skip(HeaderLimit.MAX_HEADER - 10)).isEqualTo(HeaderLimit.MAX_HEADER - 10);
            assertThat(in.read(new byte[9])).isEqualTo(9);
            assertThat(in.read()).isZero();
            assertThatThrownBy(in::read).isInstanceOf(IOException.class).hasMessageContaining("header is larger than");
        }
    }

    @Test
    void skippingPastTheLimit_isRefused() throws Exception {
        try (HeaderLimit in = new HeaderLimit(zeros())) {
            assertThatThrownBy(() -> in.skip(HeaderLimit.MAX_HEADER + 1))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("header is larger than");
        }
    }

    /** Endless zeros, skipping as far as asked. */
    private static InputStream zeros() {
        return new InputStream() {
            @Override
            public int read() {
                return 0;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) 0);
                return len;
            }

            @Override
            public long skip(long n) {
                return n;
            }
        };
    }
}
