package org.lscb.exchange.pki;

/** Whose key a certificate names. */
public enum CertificatePurpose {
    /** A person's key: bound to their account. */
    PERSONAL,
    /** An LSCB's board key: a recipient of every document of the board's reviews, so that no lost key loses one. */
    BOARD
}
