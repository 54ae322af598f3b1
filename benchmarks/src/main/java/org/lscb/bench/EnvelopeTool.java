package org.lscb.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import org.lscb.envelope.Envelopes;
import org.lscb.envelope.Identity;

/**
 * The envelope library as a command, so the benchmark can run it in its own JVM under
 * {@code /usr/bin/time} exactly as it runs openssl: {@code seal <author.p12> <password> <recipient.pem> <in> <out>}
 * or {@code open <recipient.p12> <password> <in> <out>}.
 */
public final class EnvelopeTool {

    private EnvelopeTool() {}

    public static void main(String[] args) throws Exception {
        if (args[0].equals("seal")) {
            Envelopes.prepareCipherFor(Files.size(Path.of(args[4])));
            Identity author = Identity.fromPkcs12(Path.of(args[1]), args[2].toCharArray());
            X509Certificate recipient;
            try (InputStream in = Files.newInputStream(Path.of(args[3]))) {
                recipient = (X509Certificate)
                        CertificateFactory.getInstance("X.509").generateCertificate(in);
            }
            try (InputStream in = new BufferedInputStream(Files.newInputStream(Path.of(args[4])), 1 << 20);
                    OutputStream out = new BufferedOutputStream(Files.newOutputStream(Path.of(args[5])), 1 << 20)) {
                Envelopes.sealer(author, List.of(recipient)).seal(in, out);
            }
        } else {
            Envelopes.prepareCipherFor(Files.size(Path.of(args[3])));
            Identity me = Identity.fromPkcs12(Path.of(args[1]), args[2].toCharArray());
            try (InputStream in = Files.newInputStream(Path.of(args[3]))) {
                Envelopes.opener(me).open(in, Path.of(args[4]));
            }
        }
    }
}
