package org.lscb.envelope;

/**
 * The bytes are not an envelope this deployment accepts: not CMS, the wrong container, or an algorithm
 * outside the profile. The message says what was found and what is allowed; it never holds content.
 */
public class UnsupportedEnvelopeException extends RuntimeException {

    public static final String ALLOWED =
            "allowed: AuthEnvelopedData with AES-256-GCM (128-bit tag) or EnvelopedData with"
                    + " AES-256-CBC, recipients by RSA-OAEP with SHA-256 (RSA 3072 bits or more) or ECDH on P-256/P-384 with AES key wrap,"
                    + " signatures by RSA-PSS or ECDSA with SHA-256 or stronger";

    public UnsupportedEnvelopeException(String found) {
        super(found + "; " + ALLOWED);
    }
}
