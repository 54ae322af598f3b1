package org.lscb.exchange.store;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
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

    private static final EnumSet<AppointmentRole> REVIEWERS =
            EnumSet.of(AppointmentRole.LEAD_REVIEWER, AppointmentRole.PANEL_MEMBER);

    private static final Map<DocumentType, EnumSet<AppointmentRole>> ROLES = new EnumMap<>(DocumentType.class);

    static {
        for (DocumentType t : DocumentType.values()) {
            ROLES.put(
                    t,
                    switch (t) {
                        case CORONER_JOINT_REPORT, CASE_DISCUSSION_RECORD -> EnumSet.allOf(AppointmentRole.class);
                        case QUALIFICATION_EVIDENCE -> EnumSet.noneOf(AppointmentRole.class);
                        case IMR,
                                CHRONOLOGY,
                                CDR_NOTIFICATION,
                                CDR_REPORTING,
                                CDR_ANALYSIS,
                                DRAFT_REPORT,
                                FINAL_REPORT,
                                OTHER -> with(REVIEWERS, AppointmentRole.PAEDIATRICIAN);
                    });
        }
    }

    private NeedToKnow() {}

    /** The appointment roles whose holders receive a document of this type, besides the lead board. */
    public static Set<AppointmentRole> rolesFor(DocumentType type) {
        return EnumSet.copyOf(ROLES.get(type));
    }

    /** Whether someone holding {@code role} on a review receives its documents of {@code type}. */
    public static boolean needs(AppointmentRole role, DocumentType type) {
        return ROLES.get(type).contains(role);
    }

    private static EnumSet<AppointmentRole> with(Set<AppointmentRole> roles, AppointmentRole more) {
        EnumSet<AppointmentRole> out = EnumSet.copyOf(roles);
        out.add(more);
        return out;
    }
}
