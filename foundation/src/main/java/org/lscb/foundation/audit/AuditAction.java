package org.lscb.foundation.audit;

/**
 * What an audit entry records: the one vocabulary of actions. Each constant's name is the string stored in
 * {@code audit_entry.action} and covered by the entry's hash, so a name is never changed or reused: renaming one
 * would make older entries read as an action nobody writes any more. A new kind of event gets a new constant.
 */
public enum AuditAction {

    // deployment
    FIRST_ADMIN_CREATED,
    DEMO_SEEDED,
    SIGNING_KEY_ROTATED,
    GATEWAY_KEY_RENEWED,

    // signing in and second factors
    SIGN_IN_SUCCEEDED,
    SIGN_IN_NEEDS_OTP,
    SIGN_IN_FAILED,
    SIGN_IN_LOCKED,
    INVALID_TOKEN,
    TOTP_ENROLMENT_STARTED,
    TOTP_ENROLLED,
    TOTP_CONFIRMATION_FAILED,
    TOTP_RESET,

    // accounts and organisations
    ACCOUNT_CREATED,
    ACCOUNT_ACCESS_REFUSED,
    ORGANISATION_CREATED,
    BOARD_MEMBER_ADDED,
    BOARD_MEMBER_REMOVED,

    // any request outside the access policy answered 403
    ACCESS_REFUSED,

    // certificates
    CERTIFICATE_ISSUED,
    CERTIFICATE_REVOKED,
    CERTIFICATE_REVOKE_REFUSED,

    // a person's key backup, wrapped under their passphrase (docs/security.md "Key backup")
    KEY_BACKUP_STORED,
    KEY_BACKUP_READ,
    KEY_BACKUP_REMOVED,

    // the board key under M-of-N custody (docs/security.md "Board key custody")
    CUSTODY_SPLIT,
    CUSTODY_SHARE_READ,
    KEY_RECOVERY_REQUESTED,
    KEY_RECOVERY_APPROVED,
    KEY_RECOVERY_APPROVAL_REFUSED,
    KEY_RECOVERY_SHARES_READ,
    KEY_RECOVERY_COMPLETED,
    KEY_RECOVERY_CANCELLED,

    // the reviewer register
    REVIEWER_CREATED,
    REVIEWER_UPDATED,
    REVIEWER_ACCESS_REFUSED,
    EVIDENCE_ADDED,
    EVIDENCE_VERIFIED,
    EVIDENCE_WITHDRAWN,
    AFFILIATION_ADDED,
    INTEREST_DECLARED,

    // reviews
    REVIEW_OPENED,
    CHILD_DEATH_NOTIFIED,
    CHILD_DEATH_NOTIFICATION_JOINED,
    REVIEW_ORGANISATIONS_CHANGED,
    REVIEW_ACCESS_REFUSED,
    REVIEW_CHANGE_REFUSED,
    SCR_DECISION_RECORDED,
    CLOCK_PAUSED,
    CLOCK_RESUMED,
    CLOCK_MET,
    CLOCK_OVERDUE,
    APPOINTED,
    APPOINTMENT_ENDED,
    APPOINTMENT_FLAGGED,
    APPOINTMENT_REFUSED,
    INDEPENDENCE_OVERRIDDEN,
    // the child death overview panel [27] and the annual return [28]
    CDOP_ANALYSIS_RECORDED,
    SCR_REFERRAL_MADE,
    REVIEW_COMPLETED,
    CHILD_DEATH_RETURN_EXPORTED,
    VISIT_DECISION_RECORDED,
    POST_MORTEM_RECORDED,

    // documents
    DOCUMENT_UPLOADED,
    DOCUMENT_REFUSED,
    DOCUMENT_DOWNLOADED,
    DOCUMENT_ACCESS_REFUSED,
    DOCUMENT_GRANTED,
    DOCUMENT_GRANT_REFUSED,
    DOCUMENT_RECEIPT,
    DOCUMENT_RECEIPT_REFUSED,
    BUNDLE_DOWNLOADED,

    // document requests: what a review's lead board asks of its organisations
    DOCUMENT_REQUESTED,

    // action plans: the actions a review's recommendations become [9, 11, 19]
    ACTION_CREATED,
    ACTION_UPDATED,
    ACTION_CHANGE_REFUSED,
    ACTION_OVERDUE,
    // publication: the final report and the board's response in the public library [11]
    REPORT_PUBLISHED,
    REPORT_PUBLISHED_OVER_FINDINGS,
    REPORT_PUBLICATION_REFUSED,
    REPORT_WITHDRAWN
}
