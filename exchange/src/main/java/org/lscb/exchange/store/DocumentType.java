package org.lscb.exchange.store;

/** Kinds of review document (docs/domain.md "Documents"); CDR_* are the national child death forms, formerly Forms A, B, C. */
public enum DocumentType {
    IMR,
    CDR_NOTIFICATION,
    CDR_REPORTING,
    CDR_ANALYSIS,
    CORONER_JOINT_REPORT,
    CASE_DISCUSSION_RECORD,
    CHRONOLOGY,
    DRAFT_REPORT,
    FINAL_REPORT,
    QUALIFICATION_EVIDENCE,
    OTHER
}
