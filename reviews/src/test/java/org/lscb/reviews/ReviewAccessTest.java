package org.lscb.reviews;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lscb.reviews.ReviewFixtures.COOPERATING_BOARD;
import static org.lscb.reviews.ReviewFixtures.HEALTH;
import static org.lscb.reviews.ReviewFixtures.LEAD_BOARD;
import static org.lscb.reviews.ReviewFixtures.NOW;
import static org.lscb.reviews.ReviewFixtures.OFFICER;
import static org.lscb.reviews.ReviewFixtures.POLICE;
import static org.lscb.reviews.ReviewFixtures.SCHOOL;
import static org.lscb.reviews.ReviewFixtures.reviewer;
import static org.lscb.reviews.ReviewFixtures.scr;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.lscb.identity.account.Role;
import org.lscb.registry.reviewer.Reviewer;
import org.lscb.reviews.ReviewAccess.Action;
import org.lscb.reviews.ReviewAccess.Relation;
import org.lscb.reviews.ReviewAccess.Viewer;

/** Who stands in what relation to a review, and what each relation allows. */
class ReviewAccessTest {

    private static final String OTHER_BOARD = "1b7c0d52-0000-4000-8000-00000000b009";

    private final Review review = scr(); // lead LEAD_BOARD, cooperating COOPERATING_BOARD, organisations POLICE, HEALTH

    @ParameterizedTest(name = "{0} may {1}: {2}")
    @CsvSource({
        "LEAD_BOARD_OFFICER,        READ,        true",
        "LEAD_BOARD_OFFICER,        MANAGE,      true",
        "LEAD_BOARD_OFFICER,        CHECK_PANEL, true",
        "LEAD_BOARD_OFFICER,        DECIDE,      false",
        "LEAD_BOARD_OFFICER,        UPLOAD,      true",
        "LEAD_BOARD_CHAIR,          READ,        true",
        "LEAD_BOARD_CHAIR,          MANAGE,      false",
        "LEAD_BOARD_CHAIR,          CHECK_PANEL, true",
        "LEAD_BOARD_CHAIR,          DECIDE,      true",
        "LEAD_BOARD_CHAIR,          UPLOAD,      false",
        "COOPERATING_BOARD_CHAIR,   READ,        true",
        "COOPERATING_BOARD_CHAIR,   MANAGE,      false",
        "COOPERATING_BOARD_CHAIR,   CHECK_PANEL, true",
        "COOPERATING_BOARD_CHAIR,   DECIDE,      false",
        "COOPERATING_BOARD_CHAIR,   UPLOAD,      false",
        "COOPERATING_BOARD_OFFICER, DECIDE,      false",
        "COOPERATING_BOARD_OFFICER, READ,        true",
        "COOPERATING_BOARD_OFFICER, MANAGE,      false",
        "COOPERATING_BOARD_OFFICER, CHECK_PANEL, true",
        "INVOLVED_AGENCY,           READ,        true",
        "INVOLVED_AGENCY,           MANAGE,      false",
        "INVOLVED_AGENCY,           CHECK_PANEL, false",
        "APPOINTED_REVIEWER,        READ,        true",
        "APPOINTED_REVIEWER,        MANAGE,      false",
        "APPOINTED_REVIEWER,        CHECK_PANEL, false",
        "APPOINTED_PAEDIATRICIAN,   READ,        true",
        "APPOINTED_PAEDIATRICIAN,   MANAGE,      false",
        "APPOINTED_PAEDIATRICIAN,   CHECK_PANEL, false",
        "APPOINTED_CORONER,         READ,        true",
        "APPOINTED_CORONER,         MANAGE,      false",
        "APPOINTED_CORONER,         CHECK_PANEL, false"
    })
    void policyTable(Relation relation, Action action, boolean allowed) {
        assertThat(ReviewAccess.allows(action, Set.of(relation))).isEqualTo(allowed);
    }

    @ParameterizedTest
    @EnumSource(Action.class)
    void noRelation_allowsNothing(Action action) {
        assertThat(ReviewAccess.allows(action, Set.of())).isFalse();
    }

    @Test
    void officerOfTheLeadBoard_isLeadBoardOfficerAndMayManage() {
        Set<Relation> rel = ReviewAccess.relations(review, viewer(Role.LSCB_OFFICER, LEAD_BOARD));

        assertThat(rel).containsExactly(Relation.LEAD_BOARD_OFFICER);
        assertThat(ReviewAccess.allows(Action.MANAGE, rel)).isTrue();
    }

    @Test
    void officerOfACooperatingBoard_mayReadAndCheckThePanelButNotManage() {
        Set<Relation> rel = ReviewAccess.relations(review, viewer(Role.LSCB_OFFICER, COOPERATING_BOARD));

        assertThat(rel).containsExactly(Relation.COOPERATING_BOARD_OFFICER);
        assertThat(ReviewAccess.allows(Action.READ, rel)).isTrue();
        assertThat(ReviewAccess.allows(Action.CHECK_PANEL, rel)).isTrue();
        assertThat(ReviewAccess.allows(Action.MANAGE, rel)).isFalse();
    }

    @Test
    void chairOfTheLeadBoard_decidesButDoesNotManage() {
        Set<Relation> rel = ReviewAccess.relations(review, viewer(Role.LSCB_CHAIR, LEAD_BOARD));

        assertThat(rel).containsExactly(Relation.LEAD_BOARD_CHAIR);
        assertThat(ReviewAccess.allows(Action.DECIDE, rel)).isTrue();
        assertThat(ReviewAccess.allows(Action.READ, rel)).isTrue();
        assertThat(ReviewAccess.allows(Action.MANAGE, rel)).isFalse();
    }

    @Test
    void officerOfTheLeadBoard_preparesButDoesNotDecide() {
        assertThat(ReviewAccess.allows(
                        Action.DECIDE, ReviewAccess.relations(review, viewer(Role.LSCB_OFFICER, LEAD_BOARD))))
                .isFalse();
    }

    @Test
    void chairOfACooperatingBoard_readsButDoesNotDecide() {
        Set<Relation> rel = ReviewAccess.relations(review, viewer(Role.LSCB_CHAIR, COOPERATING_BOARD));

        assertThat(rel).containsExactly(Relation.COOPERATING_BOARD_CHAIR);
        assertThat(ReviewAccess.allows(Action.READ, rel)).isTrue();
        assertThat(ReviewAccess.allows(Action.DECIDE, rel)).isFalse();
    }

    @Test
    void chairOfAnUnrelatedBoard_cannotSeeTheReview() {
        assertThat(ReviewAccess.canSee(review, viewer(Role.LSCB_CHAIR, OTHER_BOARD)))
                .isFalse();
        assertThat(ReviewAccess.canSee(review, viewer(Role.LSCB_CHAIR, null))).isFalse();
    }

    @Test
    void chairRoleAtAnInvolvedAgency_isNoChairOfTheReview() {
        assertThat(ReviewAccess.relations(review, viewer(Role.LSCB_CHAIR, HEALTH)))
                .isEmpty();
    }

    @Test
    void officerOfAnUnrelatedBoard_cannotSeeTheReview() {
        Viewer v = viewer(Role.LSCB_OFFICER, OTHER_BOARD);

        assertThat(ReviewAccess.relations(review, v)).isEmpty();
        assertThat(ReviewAccess.canSee(review, v)).isFalse();
    }

    @Test
    void officerWithoutAnOrganisation_cannotSeeTheReview() {
        assertThat(ReviewAccess.canSee(review, viewer(Role.LSCB_OFFICER, null))).isFalse();
    }

    @Test
    void agencyUserOfAnInvolvedOrganisation_isInvolvedAgencyAndMayOnlyRead() {
        Set<Relation> rel = ReviewAccess.relations(review, viewer(Role.AGENCY_USER, POLICE));

        assertThat(rel).containsExactly(Relation.INVOLVED_AGENCY);
        assertThat(ReviewAccess.allows(Action.READ, rel)).isTrue();
        assertThat(ReviewAccess.allows(Action.MANAGE, rel)).isFalse();
        assertThat(ReviewAccess.allows(Action.CHECK_PANEL, rel)).isFalse();
    }

    @Test
    void agencyUserOfAnotherOrganisation_cannotSeeTheReview() {
        assertThat(ReviewAccess.relations(review, viewer(Role.AGENCY_USER, SCHOOL)))
                .isEmpty();
        assertThat(ReviewAccess.canSee(review, viewer(Role.AGENCY_USER, SCHOOL)))
                .isFalse();
    }

    @Test
    void agencyUserSeatedAtTheLeadBoard_isNotAnOfficer() {
        assertThat(ReviewAccess.relations(review, viewer(Role.AGENCY_USER, LEAD_BOARD)))
                .isEmpty();
    }

    @Test
    void officerRoleAtAnInvolvedAgency_isNotAnInvolvedAgency() {
        assertThat(ReviewAccess.relations(review, viewer(Role.LSCB_OFFICER, HEALTH)))
                .isEmpty();
    }

    @Test
    void administrator_hasNoRelationEvenAtTheLeadBoard() {
        Viewer admin = viewer(Role.ADMIN, LEAD_BOARD);

        assertThat(ReviewAccess.relations(review, admin)).isEmpty();
        assertThat(ReviewAccess.canSee(review, admin)).isFalse();
    }

    @Test
    void appointedReviewer_isRecognisedByReviewerIdUntilTheAppointmentEnds() {
        Reviewer r = reviewer();
        Appointment a = review.appoint(AppointmentRole.LEAD_REVIEWER, r.id(), null, null, null, OFFICER, NOW);
        Viewer v = new Viewer("account-of-reviewer", Set.of(Role.REVIEWER), null, Optional.of(r.id()));

        assertThat(ReviewAccess.relations(review, v)).containsExactly(Relation.APPOINTED_REVIEWER);
        assertThat(ReviewAccess.allows(Action.MANAGE, ReviewAccess.relations(review, v)))
                .isFalse();

        review.endAppointment(a.id(), OFFICER, NOW);

        assertThat(ReviewAccess.relations(review, v)).isEmpty();
        assertThat(ReviewAccess.canSee(review, v)).isFalse();
    }

    @Test
    void panelMember_isAnAppointedReviewer() {
        Reviewer r = reviewer();
        review.appoint(AppointmentRole.PANEL_MEMBER, r.id(), null, null, null, OFFICER, NOW);

        assertThat(ReviewAccess.relations(review, new Viewer("acc", Set.of(Role.REVIEWER), null, Optional.of(r.id()))))
                .containsExactly(Relation.APPOINTED_REVIEWER);
    }

    @Test
    void reviewerWhoIsNotAppointed_cannotSeeTheReview() {
        Reviewer appointed = reviewer();
        review.appoint(AppointmentRole.LEAD_REVIEWER, appointed.id(), null, null, null, OFFICER, NOW);

        assertThat(ReviewAccess.canSee(
                        review,
                        new Viewer(
                                "acc",
                                Set.of(Role.REVIEWER),
                                null,
                                Optional.of(reviewer().id()))))
                .isFalse();
        assertThat(ReviewAccess.canSee(review, new Viewer("acc", Set.of(Role.REVIEWER), null, Optional.empty())))
                .isFalse();
    }

    @Test
    void coroner_isRecognisedByAccountId() {
        review.appoint(AppointmentRole.CORONER, null, "account-coroner", null, null, OFFICER, NOW);

        assertThat(ReviewAccess.relations(
                        review, new Viewer("account-coroner", Set.of(Role.CORONER), null, Optional.empty())))
                .containsExactly(Relation.APPOINTED_CORONER);
        assertThat(ReviewAccess.canSee(
                        review, new Viewer("account-other-coroner", Set.of(Role.CORONER), null, Optional.empty())))
                .isFalse();
    }

    @Test
    void paediatrician_isRecognisedByAccountId() {
        review.appoint(AppointmentRole.PAEDIATRICIAN, null, "account-paed", null, null, OFFICER, NOW);

        assertThat(ReviewAccess.relations(
                        review, new Viewer("account-paed", Set.of(Role.PAEDIATRICIAN), null, Optional.empty())))
                .containsExactly(Relation.APPOINTED_PAEDIATRICIAN);
    }

    @Test
    void relations_addUpAcrossRoles() {
        Reviewer r = reviewer();
        review.appoint(AppointmentRole.PANEL_MEMBER, r.id(), null, null, null, OFFICER, NOW);
        Viewer v = new Viewer("acc", Set.of(Role.AGENCY_USER, Role.REVIEWER), HEALTH, Optional.of(r.id()));

        assertThat(ReviewAccess.relations(review, v))
                .containsExactlyInAnyOrder(Relation.INVOLVED_AGENCY, Relation.APPOINTED_REVIEWER);
    }

    private static Viewer viewer(Role role, String organisationId) {
        return new Viewer("account-" + role.name().toLowerCase(), Set.of(role), organisationId, Optional.empty());
    }
}
