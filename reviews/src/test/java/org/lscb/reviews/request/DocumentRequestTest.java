package org.lscb.reviews.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lscb.foundation.value.InvalidValueException;
import org.lscb.reviews.InterAgencyConcern;
import org.lscb.reviews.KeyDates;
import org.lscb.reviews.LeadBoardRule;
import org.lscb.reviews.Review;
import org.lscb.reviews.ReviewAccess.Relation;
import org.lscb.reviews.ReviewRuleException;
import org.lscb.reviews.ReviewType;
import org.lscb.reviews.ScrDecisionKind;
import org.lscb.reviews.ScrFacts;

class DocumentRequestTest {

    /** Monday 15 June 2026. */
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    private static final Instant NOW = Instant.parse("2026-06-15T09:30:00Z");
    private static final String BOARD = "1b7c0d52-0000-4000-8000-00000000b001";
    private static final String POLICE = "1b7c0d52-0000-4000-8000-00000000a001";
    private static final String HEALTH = "1b7c0d52-0000-4000-8000-00000000a002";
    private static final String SCHOOL = "1b7c0d52-0000-4000-8000-00000000a004";

    private static Review scr() {
        return new Review(
                new Review.Opening(
                        ReviewType.SERIOUS_CASE_REVIEW,
                        "NM-SCR-2026-03",
                        "Child A",
                        new LeadBoardRule.Boards(BOARD, Set.of()),
                        Set.of(POLICE, HEALTH),
                        new KeyDates(LocalDate.of(2026, 2, 27), null, LocalDate.of(2026, 3, 2), null, null, TODAY),
                        null,
                        false),
                "officer",
                NOW);
    }

    /** An IMR asked of the police, due in ten days. */
    private static DocumentRequest imrFromPolice() {
        return new DocumentRequest(scr(), POLICE, "IMR", TODAY.plusDays(10), "Cover 2025 only", "officer", NOW, TODAY);
    }

    @Test
    void aRequestOfAnOrganisationTheReviewDoesNotInvolve_isRefusedNamingTheField() {
        assertThatThrownBy(() -> new DocumentRequest(scr(), SCHOOL, "IMR", TODAY, null, "officer", NOW, TODAY))
                .isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((InvalidValueException) e).field())
                .isEqualTo("organisationId");
    }

    @Test
    void aDueDayInThePast_isRefused_andTodayIsAccepted() {
        assertThatThrownBy(() ->
                        new DocumentRequest(scr(), POLICE, "IMR", TODAY.minusDays(1), null, "officer", NOW, TODAY))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("dueOn: must be today or later");
        assertThat(new DocumentRequest(scr(), POLICE, "IMR", TODAY, null, "officer", NOW, TODAY).dueOn())
                .isEqualTo(TODAY);
    }

    @Test
    void missingOrMalformedFields_areRefusedNamingEach() {
        assertThatThrownBy(() -> new DocumentRequest(scr(), null, "IMR", TODAY, null, "o", NOW, TODAY))
                .hasMessageStartingWith("organisationId:");
        assertThatThrownBy(() -> new DocumentRequest(scr(), POLICE, null, TODAY, null, "o", NOW, TODAY))
                .hasMessageStartingWith("type:");
        assertThatThrownBy(() -> new DocumentRequest(scr(), POLICE, "imr; drop", TODAY, null, "o", NOW, TODAY))
                .hasMessageStartingWith("type:");
        assertThatThrownBy(() -> new DocumentRequest(scr(), POLICE, "IMR", null, null, "o", NOW, TODAY))
                .hasMessageStartingWith("dueOn:");
        assertThatThrownBy(() -> new DocumentRequest(scr(), POLICE, "IMR", TODAY, "x".repeat(2001), "o", NOW, TODAY))
                .hasMessageStartingWith("note:");
        assertThatThrownBy(() -> new DocumentRequest(scr(), POLICE, "IMR", TODAY, "a\u0000b", "o", NOW, TODAY))
                .hasMessageStartingWith("note:");
    }

    @Test
    void nothingIsAskedForAClosedReview() {
        Review closed = scr();
        closed.recordScrDecision(
                new ScrFacts(true, false, false, InterAgencyConcern.NO, false),
                ScrDecisionKind.NO_REVIEW,
                "No concern about how agencies worked together",
                TODAY,
                "officer",
                TODAY);

        assertThatThrownBy(() -> new DocumentRequest(closed, POLICE, "IMR", TODAY, null, "officer", NOW, TODAY))
                .isInstanceOf(ReviewRuleException.class)
                .extracting(e -> ((ReviewRuleException) e).code())
                .isEqualTo("review_closed");
    }

    @Test
    void anUploadByTheOrganisationOfTheTypeAskedFor_answersIt_andNoOtherDoes() {
        DocumentRequest r = imrFromPolice();
        Instant later = NOW.plusSeconds(3600);
        DocumentRequest.Upload chronologyByPolice = new DocumentRequest.Upload(POLICE, "CHRONOLOGY", later);
        DocumentRequest.Upload imrByHealth = new DocumentRequest.Upload(HEALTH, "IMR", later);
        DocumentRequest.Upload imrByPoliceBefore = new DocumentRequest.Upload(POLICE, "IMR", NOW.minusSeconds(60));
        DocumentRequest.Upload imrByPolice = new DocumentRequest.Upload(POLICE, "IMR", later);

        assertThat(r.answeredAt(List.of(chronologyByPolice, imrByHealth, imrByPoliceBefore)))
                .isEmpty();
        assertThat(r.answeredAt(List.of(chronologyByPolice, imrByPolice, imrByHealth)))
                .contains(later);
    }

    @Test
    void state_followsTheDueDay_dueSoonInTheLastFifthOfTheTimeGiven() {
        DocumentRequest r = imrFromPolice(); // ten days given

        assertThat(r.state(Optional.empty(), TODAY)).isEqualTo(RequestState.OPEN);
        assertThat(r.state(Optional.empty(), TODAY.plusDays(7))).isEqualTo(RequestState.OPEN);
        assertThat(r.state(Optional.empty(), TODAY.plusDays(8))).isEqualTo(RequestState.DUE_SOON);
        assertThat(r.state(Optional.empty(), TODAY.plusDays(10))).isEqualTo(RequestState.DUE_SOON);
        assertThat(r.state(Optional.empty(), TODAY.plusDays(11))).isEqualTo(RequestState.OVERDUE);
        assertThat(r.state(Optional.of(NOW.plusSeconds(60)), TODAY.plusDays(30)))
                .isEqualTo(RequestState.ANSWERED);
    }

    @Test
    void boardsSeeEveryRequest_anAgencyOnlyWhatIsAskedOfIt_andOthersNone() {
        DocumentRequest r = imrFromPolice();

        assertThat(r.shownTo(EnumSet.of(Relation.LEAD_BOARD_OFFICER), BOARD)).isTrue();
        assertThat(r.shownTo(EnumSet.of(Relation.COOPERATING_BOARD_OFFICER), "other-board"))
                .isTrue();
        assertThat(r.shownTo(EnumSet.of(Relation.INVOLVED_AGENCY), POLICE)).isTrue();
        assertThat(r.shownTo(EnumSet.of(Relation.INVOLVED_AGENCY), HEALTH)).isFalse();
        assertThat(r.shownTo(EnumSet.of(Relation.APPOINTED_REVIEWER, Relation.APPOINTED_CORONER), POLICE))
                .isFalse();
    }
}
