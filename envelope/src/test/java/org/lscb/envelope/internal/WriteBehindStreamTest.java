package org.lscb.envelope.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WriteBehindStreamTest {

    @Test
    void everythingArrives_inOrder_byTheTimeCloseReturns() throws Exception {
        byte[] data = new byte[5_000_011];
        new Random(1).nextBytes(data);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (WriteBehindStream out = new WriteBehindStream(sink)) {
            int at = 0;
            Random sizes = new Random(2);
            while (at < data.length) {
                int n = Math.min(data.length - at, sizes.nextInt(600_000));
                out.write(data, at, n);
                at += n;
            }
            out.write(7);
        }

        assertThat(sink.size()).isEqualTo(data.length + 1);
        assertThat(java.util.Arrays.copyOf(sink.toByteArray(), data.length)).isEqualTo(data);
    }

    @Test
    void flush_waitsUntilTheBytesAreWritten() throws Exception {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        WriteBehindStream out = new WriteBehindStream(sink);
        out.write(new byte[1000]);
        out.flush();

        assertThat(sink.size()).isEqualTo(1000);
        out.close();
    }

    @Test
    void aFailureOfTheWritingThread_reachesTheWriter() {
        OutputStream failing = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("disk full");
            }
        };
        WriteBehindStream out = new WriteBehindStream(failing);

        assertThatThrownBy(() -> {
            for (int i = 0; i < 100; i++) {
                out.write(new byte[WriteBehindStream.BUFFER_BYTES]);
            }
            out.close();
        }).isInstanceOf(IOException.class).hasMessageContaining("disk full");
    }
}
