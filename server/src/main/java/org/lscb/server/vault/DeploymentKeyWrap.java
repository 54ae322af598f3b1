package org.lscb.server.vault;

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

/**
 * Wraps the deployment's own keys for the database: AES-256-GCM under a key derived with HKDF-SHA256 from the
 * deployment secret ({@code CA_SECRET}) with an info label of its own, so that it is never the key that wraps TOTP
 * secrets or keys children's identifiers. The key's name and version are bound in as associated data: a wrapped
 * key copied to another name or version does not unwrap. The text is {@code v1:} and the base64 of a 12-byte
 * random nonce followed by the ciphertext and its 16-byte tag.
 *
 * <p>Unwrapping says only that it failed ({@link UnwrapException}); which of a wrong secret, a changed byte or a
 * moved row it was cannot be told apart, and is not (docs/house-style.md rule 11).
 */
public final class DeploymentKeyWrap {

    private static final byte[] INFO = "lscb deployment key wrapping v1".getBytes(StandardCharsets.US_ASCII);
    private static final String FORMAT = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    /** Derives the wrapping key from the secret's characters, then clears them. */
    public DeploymentKeyWrap(char[] deploymentSecret) {
        byte[] ikm = new String(deploymentSecret).getBytes(StandardCharsets.UTF_8);
        Arrays.fill(deploymentSecret, '\0');
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(ikm, null, INFO));
        byte[] out = new byte[32];
        hkdf.generateBytes(out, 0, out.length);
        Arrays.fill(ikm, (byte) 0);
        this.key = new SecretKeySpec(out, "AES");
        Arrays.fill(out, (byte) 0);
    }

    public String wrap(String name, int version, byte[] plaintext) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(associatedData(name, version));
            byte[] sealed = c.doFinal(plaintext);
            return FORMAT
                    + Base64.getEncoder()
                            .encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                                    .put(nonce)
                                    .put(sealed)
                                    .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot wrap the " + name + " key", e);
        }
    }

    /** @throws UnwrapException when the text is not a wrapping made by this secret for this name and version */
    public byte[] unwrap(String name, int version, String wrapped) {
        if (wrapped == null || !wrapped.startsWith(FORMAT)) {
            throw new UnwrapException(name, version);
        }
        byte[] all;
        try {
            all = Base64.getDecoder().decode(wrapped.substring(FORMAT.length()));
        } catch (IllegalArgumentException e) {
            throw new UnwrapException(name, version);
        }
        if (all.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new UnwrapException(name, version);
        }
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            c.updateAAD(associatedData(name, version));
            return c.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new UnwrapException(name, version);
        }
    }

    /** The name, a zero byte and the version in decimal: no two (name, version) pairs give the same bytes. */
    private static byte[] associatedData(String name, int version) {
        return (name + '\0' + version).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "DeploymentKeyWrap[secret-derived key hidden]";
    }

    /** A wrapped key that does not unwrap: another CA_SECRET, a changed byte, or a row moved to another name or version. */
    public static final class UnwrapException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        UnwrapException(String name, int version) {
            super("the " + name + " key (version " + version + ") in the database does not unwrap with this CA_SECRET");
        }
    }
}
