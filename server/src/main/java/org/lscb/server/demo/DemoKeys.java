package org.lscb.server.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.lscb.exchange.pki.CertificatePurpose;
import org.lscb.exchange.pki.DeploymentCa;
import org.lscb.exchange.pki.IssuedCertificate;
import org.lscb.exchange.pki.Pem;
import org.lscb.identity.account.Account;
import org.lscb.identity.organisation.Organisation;

/**
 * The demo's key pairs, made as a participant's machine would make them and enrolled with the CA, so a
 * newcomer can use the client or {@code openssl cms} at once: {@code data/demo/keys/<username>.p12}
 * (password = username) with {@code <username>.pem} and {@code <username>.key.pem} beside it, the
 * Northmere board's key as {@code board.p12} (password {@code board}), and the CA as {@code ca.pem}.
 * Fictional demo keys only: never do this with real ones.
 */
final class DemoKeys {

    private DemoKeys() {}

    /** A certificate to record, with whom it is for. */
    record Made(IssuedCertificate certificate, String fileName) {}

    /** Makes the key pairs on {@code executor}, as many at once as there are processors (at least two). */
    static List<Made> write(
            Path folder,
            DeploymentCa ca,
            Map<String, Account> accounts,
            Map<String, String> orgNames,
            Organisation board,
            Instant now,
            ExecutorService executor)
            throws IOException, GeneralSecurityException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("ca.pem"), Pem.certificate(ca.certificate()));
        KeyPair[] pairs = new KeyPair[accounts.size() + 1];
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> makers = new ArrayList<>();
        try {
            for (int m = Math.min(pairs.length, Math.max(2, Runtime.getRuntime().availableProcessors())); m > 0; m--) {
                makers.add(executor.submit(() -> {
                    for (int k = next.getAndIncrement(); k < pairs.length; k = next.getAndIncrement()) {
                        pairs[k] = rsa3072();
                    }
                    return null;
                }));
            }
            for (Future<?> maker : makers) {
                maker.get(); // also makes what the makers wrote to pairs visible here
            }
            List<Made> made = new ArrayList<>();
            int i = 0;
            for (Map.Entry<String, Account> e : accounts.entrySet()) {
                Account a = e.getValue();
                KeyPair kp = pairs[i++];
                X509Certificate c = ca.issue(
                        csr(kp), DeploymentCa.subject(a.displayName(), orgNames.get(a.organisationId()), a.id()), now);
                store(folder, e.getKey(), e.getKey(), kp, c);
                made.add(
                        new Made(new IssuedCertificate(c, CertificatePurpose.PERSONAL, a.id(), null, now), e.getKey()));
            }
            KeyPair kp = pairs[i];
            X509Certificate c = ca.issue(
                    csr(kp), DeploymentCa.subject(board.name() + " (board key)", board.name(), board.id()), now);
            store(folder, "board", "board", kp, c);
            made.add(new Made(new IssuedCertificate(c, CertificatePurpose.BOARD, null, board.id(), now), "board"));
            return made;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new GeneralSecurityException(e.getCause());
        } finally {
            makers.forEach(m -> m.cancel(true));
        }
    }

    private static KeyPair rsa3072() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(3072);
        return g.generateKeyPair();
    }

    private static String csr(KeyPair kp) throws IOException {
        try {
            var req = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=demo"), kp.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withRSA").build(kp.getPrivate()));
            StringWriter pem = new StringWriter();
            try (JcaPEMWriter w = new JcaPEMWriter(pem)) {
                w.writeObject(req);
            }
            return pem.toString();
        } catch (org.bouncycastle.operator.OperatorCreationException e) {
            throw new IOException(e);
        }
    }

    private static void store(Path folder, String name, String password, KeyPair kp, X509Certificate c)
            throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry(name, kp.getPrivate(), password.toCharArray(), new X509Certificate[] {c});
        try (OutputStream out = Files.newOutputStream(folder.resolve(name + ".p12"))) {
            ks.store(out, password.toCharArray());
        }
        Files.writeString(folder.resolve(name + ".pem"), Pem.certificate(c));
        StringWriter key = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(key)) {
            w.writeObject(new org.bouncycastle.util.io.pem.PemObject(
                    "PRIVATE KEY", kp.getPrivate().getEncoded()));
        }
        Files.writeString(folder.resolve(name + ".key.pem"), key.toString(), StandardCharsets.US_ASCII);
    }
}
