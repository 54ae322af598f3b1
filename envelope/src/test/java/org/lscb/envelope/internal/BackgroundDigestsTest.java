package org.lscb.envelope.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.Random;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.DigestCalculator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hashing on a second thread gives the same digest as hashing in line, for any length and write pattern, and the
 * hand-over to that thread loses, reorders or hides nothing.
 */
class BackgroundDigestsTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 16_384, 262_143, 262_144, 262_145, 3_000_017})
    void digest_isTheJdksSha256(int length) throws Exception {
        byte[] data = new byte[length];
        new Random(length).nextBytes(data);
        DigestCalculator calc = new BackgroundDigests().get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256));
        OutputStream out = calc.getOutputStream();
        Random sizes = new Random(3);
        int at = 0;
        while (at < length) {
            int n = Math.min(length - at, 1 + sizes.nextInt(700_000));
            out.write(data, at, n);
            at += n;
        }

        assertThat(calc.getDigest())
                .isEqualTo(MessageDigest.getInstance("SHA-256").digest(data));
    }

    @Test
    void everythingArrives_inOrder_byTheTimeCloseReturns() throws Exception {
        byte[] data = new byte[5_000_011];
        new Random(1).nextBytes(data);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (WriteBehind out = new WriteBehind(sink)) {
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
        WriteBehind out = new WriteBehind(sink);
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
        WriteBehind out = new WriteBehind(failing);

        assertThatThrownBy(() -> {
                    for (int i = 0; i < 100; i++) {
                        out.write(new byte[WriteBehind.BUFFER_BYTES]);
                    }
                    out.close();
                })
                .isInstanceOf(IOException.class)
                .hasMessageContaining("disk full");
    }

    /** The writer's failure need not be an IOException: a sink's runtime exception is reported too, not waited on. */
    @Test
    @org.junit.jupiter.api.Timeout(60) // turns a writer that waits forever into a failure instead of a hung build
    void aRuntimeFailureOfTheSink_isReportedByClose() {
        OutputStream refusing = new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                throw new java.io.UncheckedIOException(new IOException("larger than the cap"));
            }
        };
        WriteBehind out = new WriteBehind(refusing);

        assertThatThrownBy(() -> {
                    out.write(new byte[10]);
                    out.close();
                })
                .isInstanceOf(IOException.class)
                .hasMessageContaining("larger than the cap");
    }
}
