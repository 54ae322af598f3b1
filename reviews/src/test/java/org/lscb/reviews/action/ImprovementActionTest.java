package org.lscb.reviews.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lscb.foundation.value.InvalidValueException;
import org.lscb.reviews.InterAgencyConcern;
import org.lscb.reviews.KeyDates;
import org.lscb.reviews.LeadBoardRule;
import org.lscb.reviews.Review;
import org.lscb.reviews.ReviewRuleException;
import org.lscb.reviews.ReviewType;
import org.lscb.reviews.ScrDecisionKind;
import org.lscb.reviews.ScrFacts;
import org.lscb.reviews.action.ActionStateRule.Mover;

/** An action of a review's plan: who may own it, its due day, its progress and when it is overdue [9, 11, 19]. */
class ImprovementActionTest {

    /** Monday 15 June 2026. */
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    private static final Instant NOW = Instant.parse("2026-06-15T09:30:00Z");
    private static final String BOARD = "1b7c0d52-0000-4000-8000-00000000b001";
    private static final String POLICE = "1b7c0d52-0000-4000-8000-00000000a001";
    private static final String OTHER_AREA = "1b7c0d52-0000-4000-8000-00000000a009";
    private static final Set<String> PARTNERS = Set.of(POLICE);

    private static Review scr() {
        return new Review(
                new Review.Opening(
                        ReviewType.SERIOUS_CASE_REVIEW,
                        "NM-SCR-2026-03",
                        "Child A",
                        new LeadBoardRule.Boards(BOARD, Set.of()),
                        Set.of(POLICE),
                        new KeyDates(LocalDate.of(2026, 2, 27), null, LocalDate.of(2026, 3, 2), null, null, TODAY),
                        null,
                        false),
                "officer",
                NOW);
    }

    private static ImprovementAction policeAction(LocalDate due) {
        return new ImprovementAction(
                scr(),
                new ImprovementAction.Plan("Share information early", POLICE, "Refer within 24 hours", due),
                PARTNERS,
                "officer",
                NOW,
                TODAY);
    }

    @Test
    void anActionStartsNotStarted_ownedByAPartnerOfTheBoard_para9() {
        ImprovementAction a = policeAction(TODAY.plusMonths(3));

        assertThat(a.status()).isEqualTo(ActionStatus.NOT_STARTED);
        assertThat(a.organisationId()).isEqualTo(POLICE);
        assertThat(a.leadLscbId()).isEqualTo(BOARD);
    }

    @Test
    void anOwnerTheBoardDoesNotCover_isRefusedOnOrganisationId_para9() {
        assertThatThrownBy(() -> new ImprovementAction(
                        scr(),
                        new ImprovementAction.Plan("r", OTHER_AREA, "c", TODAY),
                        PARTNERS,
                        "officer",
                        NOW,
                        TODAY))
                .isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((InvalidValueException) e).field())
                .isEqualTo("organisationId");
    }

    @Test
    void theBoardItself_mayOwnAnAction_para9() {
        ImprovementAction a = new ImprovementAction(
                scr(), new ImprovementAction.Plan("r", BOARD, "Train staff", TODAY), PARTNERS, "o", NOW, TODAY);

        assertThat(a.organisationId()).isEqualTo(BOARD);
    }

    @Test
    void aDueDayMoreThanTenYearsAway_isRefused_butOneAlreadyPast_isRecorded() {
        assertThatThrownBy(() -> policeAction(TODAY.plusYears(11)))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("dueOn:");
        assertThat(policeAction(TODAY.minusDays(3)).overdueOn(TODAY)).isTrue();
    }

    @Test
    void anActionIsOverdue_afterItsDueDay_untilItIsDoneOrNotDone_para11() {
        ImprovementAction a = policeAction(TODAY.minusDays(1));

        assertThat(policeAction(TODAY).overdueOn(TODAY)).isFalse();
        assertThat(a.overdueOn(TODAY)).isTrue();
        a.report(new ImprovementAction.Progress(ActionStatus.IN_PROGRESS, null, null, null), Mover.OWNER, "p", NOW);
        assertThat(a.overdueOn(TODAY)).isTrue();
        a.report(
                new ImprovementAction.Progress(ActionStatus.DONE, null, null, "Audit shows referrals on time"),
                Mover.OWNER,
                "p",
                NOW);
        assertThat(a.overdueOn(TODAY)).isFalse();
    }

    @Test
    void leavingNotDone_dropsTheReason_para11() {
        ImprovementAction a = policeAction(TODAY.plusDays(5));
        a.report(
                new ImprovementAction.Progress(ActionStatus.NOT_DONE, "Service decommissioned", null, null),
                Mover.OWNER,
                "p",
                NOW);

        a.report(new ImprovementAction.Progress(ActionStatus.IN_PROGRESS, null, null, null), Mover.BOARD, "o", NOW);

        assertThat(a.status()).isEqualTo(ActionStatus.IN_PROGRESS);
        assertThat(a.reason()).isEmpty();
    }

    @Test
    void aNoteLongerThanTheBound_isRefusedOnEvidenceNote() {
        ImprovementAction a = policeAction(TODAY.plusDays(5));

        assertThatThrownBy(() -> a.report(
                        new ImprovementAction.Progress(
                                ActionStatus.DONE, null, null, "x".repeat(ImprovementAction.MAX_EVIDENCE_NOTE + 1)),
                        Mover.OWNER,
                        "p",
                        NOW))
                .isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((InvalidValueException) e).field())
                .isEqualTo("evidenceNote");
        assertThat(a.status()).isEqualTo(ActionStatus.NOT_STARTED);
    }

    @Test
    void aNewDueDay_clearsTheOverdueMark() {
        ImprovementAction a = policeAction(TODAY.minusDays(1));

        a.replan(new ImprovementAction.Plan(null, null, null, TODAY.plusMonths(1)), PARTNERS, TODAY, "o", NOW);

        assertThat(a.overdueOn(TODAY)).isFalse();
        assertThat(a.overdueMarkedAt()).isEmpty();
    }

    @Test
    void noActionForAReviewClosedWithoutAReview() {
        Review closed = scr();
        closed.recordScrDecision(
                new ScrFacts(true, false, false, InterAgencyConcern.NO, false),
                ScrDecisionKind.NO_REVIEW,
                "No concern about how agencies worked together",
                TODAY,
                "chair",
                TODAY);

        assertThatThrownBy(() -> new ImprovementAction(
                        closed, new ImprovementAction.Plan("r", POLICE, "c", TODAY), PARTNERS, "o", NOW, TODAY))
                .isInstanceOf(ReviewRuleException.class)
                .extracting(e -> ((ReviewRuleException) e).code())
                .isEqualTo("review_closed");
    }

    @Test
    void theBoardsSeeEveryAction_anAgencyOnlyWhatItsOrganisationOwns_para19() {
        ImprovementAction a = policeAction(TODAY.plusDays(5));

        assertThat(a.shownTo(Set.of(org.lscb.reviews.ReviewAccess.Relation.COOPERATING_BOARD_CHAIR), false, BOARD))
                .isTrue();
        assertThat(a.shownTo(Set.of(), true, POLICE))
                .as("the owner, not involved in the review")
                .isTrue();
        assertThat(a.shownTo(Set.of(org.lscb.reviews.ReviewAccess.Relation.INVOLVED_AGENCY), true, OTHER_AREA))
                .isFalse();
        assertThat(a.shownTo(Set.of(org.lscb.reviews.ReviewAccess.Relation.APPOINTED_REVIEWER), false, null))
                .isFalse();
    }
}
