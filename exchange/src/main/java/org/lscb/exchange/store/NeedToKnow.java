package org.lscb.exchange.store;

import org.lscb.reviews.AppointmentRole;

/**
 * Need to know: which of the people appointed to a review a document of each type is sealed to. The lead board
 * receives every document through its board key (it holds the review's record and gives the CDOP what it
 * reviews [27]); an appointed person receives a type only when their role needs it:
 *
 * <ul>
 *   <li>the coroner receives the joint report on the circumstances of the death [37] and the record of the
 *       designated paediatrician's case discussion, "sent to the coroner, to inform the inquest and cause of
 *       death" [39], and nothing else: not the agencies' management reviews, chronologies or reporting forms,
 *       whose substance reaches the coroner through the joint report;
 *   <li>the designated paediatrician receives what the rapid response and the child death review gather: they
 *       "collate and share information about the circumstances of the child's death" [36], contribute to the joint
 *       report, which "should include a review of all medical, social care and educational records" [37], and
 *       convene the case discussions [39]; and the review's reports;
 *   <li>the lead reviewer and the panel receive what the review is made of: the agencies' management reviews and
 *       chronologies, the child death forms, the joint report and case discussion record, and the reports they
 *       write [11, 15];
 *   <li>evidence of a reviewer's qualification is for the board alone, which "should satisfy itself" of it [15].
 * </ul>
 */
public final class NeedToKnow {

    private NeedToKnow() {}

    /** Whether someone holding {@code role} on a review receives its documents of {@code type}. */
    public static boolean needs(AppointmentRole role, DocumentType type) {
        return switch (type) {
            case CORONER_JOINT_REPORT, CASE_DISCUSSION_RECORD -> true;
            case QUALIFICATION_EVIDENCE -> false;
            case IMR, CHRONOLOGY, CDR_NOTIFICATION, CDR_REPORTING, CDR_ANALYSIS, DRAFT_REPORT, FINAL_REPORT, OTHER ->
                switch (role) {
                    case LEAD_REVIEWER, PANEL_MEMBER, PAEDIATRICIAN -> true;
                    case CORONER -> false;
                };
        };
    }
}
