package org.lscb.reviews;

import java.util.Set;
import org.lscb.identity.organisation.OrganisationKind;
import org.lscb.reviews.ReviewAccess.Relation;

/**
 * Who records the steps of the rapid response to an unexpected child death on a review they can see. The lead
 * board's officers may record each, as they keep the review and take what they are told by telephone.
 */
public final class RapidResponseRule {

    private RapidResponseRule() {}

    /**
     * [32]: "the senior investigating police officer and senior health care professional should decide whether
     * there should be a visit to the place where the child died". The police officer is a user of a police force
     * involved in the review; the senior health professional of the rapid response is the designated
     * paediatrician appointed to it, who co-ordinates the professionals (responsibilities table: Designated
     * Paediatrician). Other agencies' users, reviewers, the coroner and the Chair do not record it.
     *
     * @param callerOrganisation the kind of the caller's own organisation, null when they have none
     */
    public static boolean mayRecordVisitDecision(Set<Relation> relations, OrganisationKind callerOrganisation) {
        return relations.contains(Relation.LEAD_BOARD_OFFICER)
                || relations.contains(Relation.APPOINTED_PAEDIATRICIAN)
                || (relations.contains(Relation.INVOLVED_AGENCY) && callerOrganisation == OrganisationKind.POLICE);
    }

    /**
     * [36-39]: the coroner orders the post-mortem and holds the inquest [36, 37]; the designated paediatrician
     * shares information with the pathologist, discusses the findings, tells the Chair when they suggest abuse or
     * neglect [38] and convenes the case discussion on the final result [39]. Either of them, appointed to the
     * review, records it.
     */
    public static boolean mayRecordPostMortem(Set<Relation> relations) {
        return relations.contains(Relation.LEAD_BOARD_OFFICER)
                || relations.contains(Relation.APPOINTED_PAEDIATRICIAN)
                || relations.contains(Relation.APPOINTED_CORONER);
    }
}
