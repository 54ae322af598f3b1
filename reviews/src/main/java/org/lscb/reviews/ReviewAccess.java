package org.lscb.reviews;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.lscb.identity.account.Role;

/**
 * The one access policy for reviews (docs/security.md "Access control"): a caller's relations to a review,
 * and for each action the relations that allow it. A caller with no relation sees nothing of the review
 * (404, as for a missing one); one who may see it but not do the action is refused (403).
 * Administrators run the deployment; they have no relation to any review and see none.
 */
public final class ReviewAccess {

    /** How a caller stands to a review. */
    public enum Relation {
        /** An LSCB officer of the board that leads the review. */
        LEAD_BOARD_OFFICER,
        /** An LSCB officer of a board that cooperates [25]. */
        COOPERATING_BOARD_OFFICER,
        /** The Chair of the board that leads the review: makes the board's decisions on it [7, 18]. */
        LEAD_BOARD_CHAIR,
        /** The Chair of a board that cooperates [25]: reads the review as its officers do. */
        COOPERATING_BOARD_CHAIR,
        /** Agency staff of an organisation whose actions are reviewed. */
        INVOLVED_AGENCY,
        /** A live lead or panel appointment from the register. */
        APPOINTED_REVIEWER,
        /** The designated paediatrician named on the review. */
        APPOINTED_PAEDIATRICIAN,
        /** The coroner named on the review. */
        APPOINTED_CORONER,
        /**
         * A member of the child death overview panel of the board that leads a child death review: the panel reviews
         * every child death of its area [23, 27]. It sees the board's child death reviews only, never its SCRs or other
         * reviews, and reads no document unless one is sealed to it (it is not among a review's recipients).
         */
        LEAD_BOARD_CDOP_MEMBER
    }

    public enum Action {
        /** The review's metadata, clocks and appointments. */
        READ,
        /** Prepare the review: appoint, end appointments, move clocks, change the organisations. */
        MANAGE,
        /**
         * The Chair's decisions: whether to commission an SCR [7, 18; SCR checklist: Notification], and an
         * override that appoints a lead reviewer despite a conflict of interest (docs/domain.md "Independence").
         */
        DECIDE,
        /** The independence of a candidate reviewer and the panel check. */
        CHECK_PANEL,
        /** Send a document: involved agencies, the boards, and those appointed (draft reports, the joint report). */
        UPLOAD,
        /**
         * The panel's work on a child death [27]: record its analysis, refer the case for an SCR, sign the review off.
         * The panel's members and the lead board's officers, who keep its records.
         */
        ANALYSE,
        /** Read the panel's coded analysis and recommendations: the panel, and the lead board's officers and Chair. */
        READ_ANALYSIS
    }

    /**
     * The policy table. The lead board's officers prepare what its Chair decides: the final decision on an SCR
     * rests with the LSCB Chair [7, 18], so officers manage the review and only the Chair decides. A Chair
     * sends no documents: the board's officers do; nor does a panel member, who records the panel's coded analysis.
     */
    static final Map<Action, Set<Relation>> ALLOWED = Map.of(
            Action.READ, EnumSet.allOf(Relation.class),
            Action.MANAGE, EnumSet.of(Relation.LEAD_BOARD_OFFICER),
            Action.DECIDE, EnumSet.of(Relation.LEAD_BOARD_CHAIR),
            Action.CHECK_PANEL,
                    EnumSet.of(
                            Relation.LEAD_BOARD_OFFICER,
                            Relation.COOPERATING_BOARD_OFFICER,
                            Relation.LEAD_BOARD_CHAIR,
                            Relation.COOPERATING_BOARD_CHAIR),
            Action.UPLOAD,
                    EnumSet.complementOf(EnumSet.of(
                            Relation.LEAD_BOARD_CHAIR,
                            Relation.COOPERATING_BOARD_CHAIR,
                            Relation.LEAD_BOARD_CDOP_MEMBER)),
            Action.ANALYSE, EnumSet.of(Relation.LEAD_BOARD_OFFICER, Relation.LEAD_BOARD_CDOP_MEMBER),
            Action.READ_ANALYSIS,
                    EnumSet.of(
                            Relation.LEAD_BOARD_OFFICER, Relation.LEAD_BOARD_CHAIR, Relation.LEAD_BOARD_CDOP_MEMBER));

    /** Who is asking: the account, its roles and organisation, and its reviewer profile if it has one. */
    public record Viewer(String accountId, Set<Role> roles, String organisationId, Optional<String> reviewerId) {}

    private ReviewAccess() {}

    public static Set<Relation> relations(Review r, Viewer v) {
        Set<Relation> rel = EnumSet.noneOf(Relation.class);
        String org = v.organisationId();
        if (v.roles().contains(Role.LSCB_OFFICER) && org != null) {
            if (org.equals(r.leadLscbId())) {
                rel.add(Relation.LEAD_BOARD_OFFICER);
            } else if (r.cooperatingBoards().contains(org)) {
                rel.add(Relation.COOPERATING_BOARD_OFFICER);
            }
        }
        if (v.roles().contains(Role.LSCB_CHAIR) && org != null) {
            if (org.equals(r.leadLscbId())) {
                rel.add(Relation.LEAD_BOARD_CHAIR);
            } else if (r.cooperatingBoards().contains(org)) {
                rel.add(Relation.COOPERATING_BOARD_CHAIR);
            }
        }
        if (v.roles().contains(Role.CDOP_MEMBER)
                && org != null
                && org.equals(r.leadLscbId())
                && r.type() == ReviewType.CHILD_DEATH_REVIEW) {
            rel.add(Relation.LEAD_BOARD_CDOP_MEMBER);
        }
        if (v.roles().contains(Role.AGENCY_USER)
                && org != null
                && r.organisationIds().contains(org)) {
            rel.add(Relation.INVOLVED_AGENCY);
        }
        for (Appointment a : r.activeAppointments()) {
            if (a.heldBy(v.accountId(), v.reviewerId().orElse(null))) {
                rel.add(
                        switch (a.role()) {
                            case LEAD_REVIEWER, PANEL_MEMBER -> Relation.APPOINTED_REVIEWER;
                            case PAEDIATRICIAN -> Relation.APPOINTED_PAEDIATRICIAN;
                            case CORONER -> Relation.APPOINTED_CORONER;
                        });
            }
        }
        return rel;
    }

    public static boolean canSee(Review r, Viewer v) {
        return !relations(r, v).isEmpty();
    }

    public static boolean allows(Action action, Set<Relation> relations) {
        return relations.stream().anyMatch(ALLOWED.get(action)::contains);
    }
}
