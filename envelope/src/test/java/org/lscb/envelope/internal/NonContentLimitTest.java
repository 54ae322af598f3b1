package org.lscb.envelope.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.junit.jupiter.api.Test;

/** Content of any size passes; anything else is refused once more than the allowance is read without content moving. */
class NonContentLimitTest {

    @Test
    void contentFlowingBetweenFields_passesFarMoreThanTheAllowance() throws IOException {
        // a "structure" read 100 bytes at a time, of which the last 90 are content: the allowance must cover one read
        // (what the parser reads ahead), not the total
        NonContentLimit limit =
                new NonContentLimit(new ByteArrayInputStream(new byte[1_000_000]), 150, 150, "the test");
        InputStream content = limit.content(new ContentAfterHeader(limit, 10));

        assertThat(content.transferTo(OutputStream.nullOutputStream())).isEqualTo(900_000);
    }

    @Test
    void oneLargeReadOfContent_isNotMistakenForALargeField() throws IOException {
        // as Bouncy Castle's octet-string stream: one read of content gathers as many chunks as asked for, headers
        // included, before it delivers any; a read of 1 MiB must not count as 1 MiB read outside content
        NonContentLimit limit =
                new NonContentLimit(new ByteArrayInputStream(new byte[4_000_000]), 10_000, 10_000, "the test");
        InputStream gathering = new InputStream() {
            @Override
            public int read() throws IOException {
                return limit.read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                limit.readNBytes(len / 100); // chunk headers: 1 %
                return limit.readNBytes(b, off, len - len / 100);
            }
        };
        InputStream content = limit.content(gathering);
        byte[] buf = new byte[1 << 20];
        long total = 0;
        int n;
        while ((n = content.read(buf)) > 0) {
            total += n;
        }

        assertThat(total).isGreaterThan(3_900_000);
    }

    @Test
    void moreThanTheAllowanceWithoutContent_isRefused_andTheMessageSaysWhatAndHowMuch() {
        NonContentLimit limit =
                new NonContentLimit(new ByteArrayInputStream(new byte[10_000]), 4096, 100, "the envelope");

        assertThatThrownBy(() -> limit.readNBytes(4097))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("the envelope holds more than 4096 bytes outside its content");
    }

    @Test
    void afterTheHeader_theSmallerAllowanceApplies_evenBeforeContentMoves() throws IOException {
        NonContentLimit limit =
                new NonContentLimit(new ByteArrayInputStream(new byte[10_000]), 4096, 100, "the envelope");
        limit.readNBytes(1000);
        limit.headerRead();

        assertThat(limit.readNBytes(100)).hasSize(100);
        assertThatThrownBy(limit::read).isInstanceOf(IOException.class).hasMessageContaining("more than 100 bytes");
    }

    /** Reads {@code overhead} bytes of framing from the limit, then hands out the rest of a 100-byte record as content. */
    private static final class ContentAfterHeader extends InputStream {
        private final NonContentLimit source;
        private final int overhead;
        private final byte[] record = new byte[100];
        private int pos = record.length;
        private int end = record.length;

        ContentAfterHeader(NonContentLimit source, int overhead) {
            this.source = source;
            this.overhead = overhead;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (pos == end) {
                end = source.readNBytes(record, 0, record.length);
                if (end <= overhead) {
                    return -1;
                }
                pos = overhead;
            }
            int n = Math.min(len, end - pos);
            System.arraycopy(record, pos, b, off, n);
            pos += n;
            return n;
        }
    }
}
