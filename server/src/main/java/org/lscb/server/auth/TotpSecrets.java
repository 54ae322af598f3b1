package org.lscb.server.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.lscb.server.config.DeploymentSecret;

/**
 * Keeps TOTP secrets wrapped (AES-256-GCM) under a key derived with HKDF-SHA256 from the deployment secret,
 * so that a copy of the database alone does not give away anyone's second factor. The account id is bound
 * in as associated data: a wrapped secret moved to another account's row does not unwrap.
 */
@ApplicationScoped
public class TotpSecrets {

    private static final byte[] INFO = "lscb totp secret wrapping v1".getBytes(StandardCharsets.US_ASCII);
    private static final String VERSION = "v1:";
    private static final int NONCE_BYTES = 12;

    private java.util.function.Supplier<char[]> deploymentSecret;
    private volatile SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    protected TotpSecrets() {}

    @Inject
    public TotpSecrets(DeploymentSecret secret) {
        this(secret::value);
    }

    TotpSecrets(java.util.function.Supplier<char[]> deploymentSecret) {
        this.deploymentSecret = deploymentSecret;
    }

    /** A new random secret of {@link org.lscb.identity.account.TotpCodes#SECRET_BYTES} bytes. */
    public byte[] newSecret() {
        byte[] secret = new byte[org.lscb.identity.account.TotpCodes.SECRET_BYTES];
        random.nextBytes(secret);
        return secret;
    }

    public String wrap(String accountId, byte[] secret) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(128, nonce));
            c.updateAAD(accountId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = c.doFinal(secret);
            return VERSION
                    + Base64.getEncoder()
                            .encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                                    .put(nonce)
                                    .put(sealed)
                                    .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot wrap a TOTP secret", e);
        }
    }

    public byte[] unwrap(String accountId, String wrapped) {
        if (!wrapped.startsWith(VERSION)) {
            throw new IllegalStateException("a TOTP secret of account " + accountId + " is not in a known wrapping");
        }
        byte[] all = Base64.getDecoder().decode(wrapped.substring(VERSION.length()));
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(128, all, 0, NONCE_BYTES));
            c.updateAAD(accountId.getBytes(StandardCharsets.UTF_8));
            return c.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "the TOTP secret of account " + accountId + " does not unwrap: was CA_SECRET changed?", e);
        }
    }

    private SecretKeySpec key() {
        SecretKeySpec k = key;
        if (k == null) {
            char[] secret = deploymentSecret.get();
            byte[] ikm = new String(secret).getBytes(StandardCharsets.UTF_8);
            Arrays.fill(secret, '\0');
            HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
            hkdf.init(new HKDFParameters(ikm, null, INFO));
            byte[] out = new byte[32];
            hkdf.generateBytes(out, 0, out.length);
            Arrays.fill(ikm, (byte) 0);
            k = new SecretKeySpec(out, "AES");
            key = k;
        }
        return k;
    }
}
