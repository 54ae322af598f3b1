package org.lscb.envelope;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Collections;
import org.lscb.envelope.internal.KeyRules;

/**
 * Someone's private key with the certificate that names it: signs what they seal and opens what is
 * addressed to them. Holds a secret, so it has no {@code toString} that could print it, and the key is
 * reached only through {@link #privateKey()}.
 */
public final class Identity {

    private final PrivateKey key;
    private final X509Certificate certificate;

    private Identity(PrivateKey key, X509Certificate certificate) {
        this.key = key;
        this.certificate = certificate;
    }

    /** @throws IllegalArgumentException when the key is outside the profile (RSA under 3072 bits, a curve other than P-256/P-384) */
    public static Identity of(PrivateKey key, X509Certificate certificate) {
        KeyRules.check(certificate.getPublicKey());
        return new Identity(key, certificate);
    }

    /** The first key entry of a PKCS#12 file. */
    public static Identity fromPkcs12(Path file, char[] password) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
            for (String alias : Collections.list(ks.aliases())) {
                if (ks.isKeyEntry(alias)) {
                    return of((PrivateKey) ks.getKey(alias, password), (X509Certificate) ks.getCertificate(alias));
                }
            }
            throw new GeneralSecurityException("the PKCS#12 file holds no private key");
        }
    }

    public PrivateKey privateKey() {
        return key;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    @Override
    public String toString() {
        return "Identity[" + certificate.getSubjectX500Principal().getName() + "]";
    }
}
