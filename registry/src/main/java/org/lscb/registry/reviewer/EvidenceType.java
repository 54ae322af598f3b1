package org.lscb.registry.reviewer;

/** Evidence of being suitably qualified in systems methodology [15]. */
public enum EvidenceType {
    /** Systems investigations led, in child protection or another sector. */
    TRACK_RECORD,
    /** Training in systems methodology; needs revalidation after a configurable period. */
    TRAINING,
    /** A reference from an organisation for whom a systems review was completed satisfactorily. */
    REFERENCE
}
