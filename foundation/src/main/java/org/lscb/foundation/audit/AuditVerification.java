package org.lscb.foundation.audit;

/** The verifier's answer: valid, or the index of the first entry that is missing or does not fit. */
public record AuditVerification(boolean valid, long entries, String head, Long firstBadIndex) {

    static AuditVerification valid(AuditHead head) {
        return new AuditVerification(true, head.entries(), head.hash(), null);
    }

    static AuditVerification broken(long index, AuditHead head) {
        return new AuditVerification(false, head.entries(), head.hash(), index);
    }
}
