package org.lscb.envelope.internal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Digest calculators that hash on a second thread ({@link WriteBehind}). Sealing signs and encrypts the same bytes: with these the
 * content's SHA-256 runs beside the AES-GCM on another core instead of after it, which the seal in the
 * exchange benchmark shows as a shorter seal ({@code docs/benchmarks.md}). The bytes reach the hashing thread
 * through a few fixed buffers, so memory stays bounded, and the JDK's digest is fed 16 KiB at a time, a size
 * HotSpot compiles with the processor's SHA instructions. A failure of the hashing thread is reported to the
 * sealing one by its next write or by {@link DigestCalculator#getDigest()}.
 */
public final class BackgroundDigests implements DigestCalculatorProvider, AutoCloseable {

    private static final int SLICE = 16 * 1024;
    private final DigestCalculatorProvider jdk;
    private final List<WriteBehind> started = new CopyOnWriteArrayList<>();

    public BackgroundDigests() throws OperatorCreationException {
        this.jdk = new JcaDigestCalculatorProviderBuilder().build();
    }

    @Override
    public DigestCalculator get(AlgorithmIdentifier algorithm) throws OperatorCreationException {
        DigestCalculator inner = jdk.get(algorithm);
        return new DigestCalculator() {
            private WriteBehind behind;

            @Override
            public AlgorithmIdentifier getAlgorithmIdentifier() {
                return inner.getAlgorithmIdentifier();
            }

            @Override
            public OutputStream getOutputStream() {
                if (behind == null) {
                    behind = new WriteBehind(new Sliced(inner.getOutputStream()));
                    started.add(behind);
                }
                return behind;
            }

            @Override
            public byte[] getDigest() {
                if (behind != null) {
                    try {
                        behind.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                return inner.getDigest();
            }
        };
    }

    /** Stops any hashing thread still waiting for bytes: after a failed seal, nothing more will come. */
    @Override
    public void close() {
        started.forEach(WriteBehind::abandon);
    }

    /** Passes large writes on in slices. */
    private static final class Sliced extends FilterOutputStream {
        Sliced(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            for (int i = 0; i < len; i += SLICE) {
                out.write(b, off + i, Math.min(SLICE, len - i));
            }
        }
    }
}
