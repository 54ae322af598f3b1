package org.lscb.envelope;

import java.nio.file.Path;
import java.security.cert.X509Certificate;

/** What opening told: where the plaintext is, who signed it, and how it was enveloped. */
public record OpenedEnvelope(Path plaintext, long size, X509Certificate signer, EnvelopeProfile profile) {

    /** The signer's name as their certificate states it. */
    public String signedBy() {
        return signer.getSubjectX500Principal().getName();
    }
}
