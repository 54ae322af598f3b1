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
 * Digest calculators that hash on a second thread. Sealing signs and encrypts the same bytes: the
 * content's SHA-256 (about 0.65 s per GiB here) then runs beside the AES-GCM instead of after it, on
 * a machine with a core to spare. The digest is the JDK's, fed 16 KiB at a time so that HotSpot
 * compiles it with the processor's SHA instructions.
 */
public final class BackgroundDigests implements DigestCalculatorProvider, AutoCloseable {

    private static final int SLICE = 16 * 1024;
    private final DigestCalculatorProvider jdk;
    private final List<WriteBehindStream> started = new CopyOnWriteArrayList<>();

    public BackgroundDigests() throws OperatorCreationException {
        this.jdk = new JcaDigestCalculatorProviderBuilder().build();
    }

    @Override
    public DigestCalculator get(AlgorithmIdentifier algorithm) throws OperatorCreationException {
        DigestCalculator inner = jdk.get(algorithm);
        return new DigestCalculator() {
            private WriteBehindStream behind;

            @Override
            public AlgorithmIdentifier getAlgorithmIdentifier() {
                return inner.getAlgorithmIdentifier();
            }

            @Override
            public OutputStream getOutputStream() {
                if (behind == null) {
                    behind = new WriteBehindStream(new Sliced(inner.getOutputStream()));
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
        started.forEach(WriteBehindStream::abandon);
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
