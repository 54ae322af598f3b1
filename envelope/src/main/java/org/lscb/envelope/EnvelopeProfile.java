package org.lscb.envelope;

/**
 * The two ways a document may be enveloped (docs/security.md "Crypto profile"). Callers choose a profile,
 * never an algorithm.
 */
public enum EnvelopeProfile {
    /** CMS AuthEnvelopedData with AES-256-GCM and a 128-bit tag (RFC 5083/5084): the default. */
    AUTH_ENVELOPED_AES256_GCM,
    /** CMS EnvelopedData with AES-256-CBC, for peers that cannot do AuthEnvelopedData; only on request. */
    ENVELOPED_AES256_CBC
}
