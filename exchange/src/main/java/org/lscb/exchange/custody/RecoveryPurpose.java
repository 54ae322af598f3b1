package org.lscb.exchange.custody;

/** What a request for the board key is for: the custodians approve this purpose, and the audit records it. */
public enum RecoveryPurpose {
    /** Give those a review entitles now access to one document (a reviewer appointed late). */
    GRANT,
    /** Re-wrap the documents a person is entitled to for their new key, after they lost the old one. */
    REWRAP,
    /** Split the key again among other custodians (someone left), without re-encrypting any document. */
    RESPLIT
}
