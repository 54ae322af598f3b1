package org.lscb.client;

import java.io.StringWriter;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.concurrent.Callable;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "enrol",
        mixinStandardHelpOptions = true,
        description =
                "Send a certificate request for your key; the certificate the deployment CA issues is stored in the key file.")
final class EnrolCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Mixin
    KeyOptions key;

    @Option(names = "--board", description = "enrol the key as your LSCB's board key (LSCB officers)")
    boolean board;

    @Override
    public Integer call() throws Exception {
        var file = key.file(main.settings());
        char[] password = key.password();
        KeyFile.read(file, password); // a clear message for a missing file or a wrong password
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (var in = java.nio.file.Files.newInputStream(file)) {
            ks.load(in, password);
        }
        PrivateKey privateKey = (PrivateKey) ks.getKey(KeyFile.ALIAS, password);
        PublicKey publicKey = ks.getCertificate(KeyFile.ALIAS).getPublicKey();
        String alg = publicKey.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
        var csr = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=enrolment"), publicKey)
                .build(new JcaContentSignerBuilder(alg).build(privateKey));
        StringWriter pem = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(pem)) {
            w.writeObject(csr);
        }
        String issued = textPost(main.api(), board, pem.toString());
        X509Certificate cert = Settings.certificate(issued);
        X509Certificate ca = main.settings()
                .pinnedCa()
                .orElseThrow(() -> new ClientException("no pinned CA: run 'lscb login' first"));
        cert.verify(ca.getPublicKey());
        KeyFile.write(file, privateKey, cert, password);
        main.out()
                .println("Enrolled: " + cert.getSubjectX500Principal().getName() + ", SHA-256 "
                        + LoginCommand.fingerprint(cert));
        return 0;
    }

    private static String textPost(ServerApi api, boolean board, String pem) {
        return api.postText("/api/v1/keys/enrol" + (board ? "?for=board" : ""), "application/pkcs10", pem);
    }
}
