package org.lscb.exchange.pki;

import java.util.Arrays;
import org.lscb.foundation.value.InvalidValueException;

/**
 * A private key as its owner's browser wrapped it under a passphrase, format {@value #FORMAT}: PBKDF2 with
 * HMAC-SHA-256 (RFC 8018 section 5.2) over the passphrase and {@link #salt} makes an AES-256 key, which encrypts
 * the PKCS#8 private key with AES-GCM (NIST SP 800-38D) under {@link #nonce}; {@link #ciphertext} carries the
 * 16-byte tag at its end, as WebCrypto writes it. The server never sees the passphrase or the key in clear, so
 * it can check only the shape: each value that breaks it is refused naming the field as the API calls it.
 */
public record WrappedKey(String format, String kdf, int iterations, byte[] salt, byte[] nonce, byte[] ciphertext) {

    public static final String FORMAT = "lscb-key-backup-1";
    public static final String KDF = "PBKDF2-SHA256";

    /**
     * The floor of PBKDF2-HMAC-SHA256 iterations, OWASP's Password Storage Cheat Sheet figure (docs/security.md
     * "Key backup"): whoever holds a copy of the database can guess passphrases offline, and each guess costs
     * this many HMACs.
     */
    public static final int MIN_ITERATIONS = 600_000;

    /** A ceiling, so that a stored backup cannot make its owner's browser work for minutes to open it. */
    public static final int MAX_ITERATIONS = 10_000_000;

    public static final int SALT_BYTES = 16;

    /** AES-GCM's 96-bit nonce (NIST SP 800-38D section 5.2.1.1), the only length WebCrypto users are told to use. */
    public static final int NONCE_BYTES = 12;

    /** The GCM tag WebCrypto appends; a ciphertext must be longer than it to hold any key. */
    public static final int TAG_BYTES = 16;

    /** An RSA-4096 PKCS#8 key is about 2.4 KiB; 16 KiB leaves room for any key the profile allows, and no more. */
    public static final int MAX_CIPHERTEXT_BYTES = 16 * 1024;

    public WrappedKey {
        if (format == null || !format.equals(FORMAT)) {
            throw new InvalidValueException("format", "must be " + FORMAT);
        }
        if (kdf == null || !kdf.equals(KDF)) {
            throw new InvalidValueException("kdf", "must be " + KDF);
        }
        if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
            throw new InvalidValueException(
                    "iterations", "must be from " + MIN_ITERATIONS + " to " + MAX_ITERATIONS + " (PBKDF2 rounds)");
        }
        if (salt == null || salt.length != SALT_BYTES) {
            throw new InvalidValueException("salt", "must be " + SALT_BYTES + " bytes");
        }
        if (nonce == null || nonce.length != NONCE_BYTES) {
            throw new InvalidValueException("nonce", "must be " + NONCE_BYTES + " bytes");
        }
        if (ciphertext == null || ciphertext.length <= TAG_BYTES || ciphertext.length > MAX_CIPHERTEXT_BYTES) {
            throw new InvalidValueException(
                    "ciphertext",
                    "must be the AES-GCM ciphertext of the key with its " + TAG_BYTES + "-byte tag, " + (TAG_BYTES + 1)
                            + " to " + MAX_CIPHERTEXT_BYTES + " bytes");
        }
        salt = salt.clone();
        nonce = nonce.clone();
        ciphertext = ciphertext.clone();
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public byte[] nonce() {
        return nonce.clone();
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WrappedKey w
                && format.equals(w.format)
                && kdf.equals(w.kdf)
                && iterations == w.iterations
                && Arrays.equals(salt, w.salt)
                && Arrays.equals(nonce, w.nonce)
                && Arrays.equals(ciphertext, w.ciphertext);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(salt) + Arrays.hashCode(nonce)) + Arrays.hashCode(ciphertext);
    }

    /** Sizes only: a backup's bytes do not belong in logs. */
    @Override
    public String toString() {
        return "WrappedKey[" + kdf + ", " + iterations + " iterations, " + ciphertext.length + " bytes]";
    }
}
