package org.lscb.client;

import java.math.BigInteger;
import java.nio.file.Files;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.Date;
import java.util.concurrent.Callable;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "keygen",
        mixinStandardHelpOptions = true,
        description =
                "Make your key pair (RSA 3072 or EC P-256) in a password-protected PKCS#12 file; 'enrol' then certifies it.")
final class KeygenCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Mixin
    KeyOptions key;

    @Option(names = "--type", description = "rsa (3072 bits, default) or ec (P-256)", defaultValue = "rsa")
    String type;

    @Option(names = "--force", description = "replace an existing key file")
    boolean force;

    @Override
    public Integer call() throws Exception {
        var file = key.file(main.settings());
        if (Files.exists(file) && !force) {
            throw new ClientException(
                    file + " exists; use --force to replace it (its documents could then no longer be opened)");
        }
        KeyPairGenerator g;
        String signature;
        switch (type) {
            case "rsa" -> {
                g = KeyPairGenerator.getInstance("RSA");
                g.initialize(3072);
                signature = "SHA256withRSA";
            }
            case "ec" -> {
                g = KeyPairGenerator.getInstance("EC");
                g.initialize(new ECGenParameterSpec("secp256r1"));
                signature = "SHA256withECDSA";
            }
            default -> throw new ClientException("--type must be rsa or ec");
        }
        KeyPair kp = g.generateKeyPair();
        long now = System.currentTimeMillis();
        // a placeholder certificate until 'enrol' brings the deployment CA's
        X509Certificate self = new JcaX509CertificateConverter()
                .getCertificate(new JcaX509v3CertificateBuilder(
                                new X500Name("CN=not yet enrolled"),
                                BigInteger.ONE,
                                new Date(now - 60_000),
                                new Date(now + 86_400_000L * 30),
                                new X500Name("CN=not yet enrolled"),
                                kp.getPublic())
                        .build(new JcaContentSignerBuilder(signature).build(kp.getPrivate())));
        KeyFile.write(file, kp.getPrivate(), self, key.password());
        main.out().println("Wrote a new " + type.toUpperCase() + " key to " + file + "; now run 'lscb enrol'");
        return 0;
    }
}
