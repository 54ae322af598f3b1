package org.lscb.reviews;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lscb.reviews.ReviewFixtures.LEAD_BOARD;
import static org.lscb.reviews.ReviewFixtures.NOW;
import static org.lscb.reviews.ReviewFixtures.OFFICER;
import static org.lscb.reviews.ReviewFixtures.TODAY;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.lscb.foundation.value.InvalidValueException;
import org.lscb.identity.account.Role;
import org.lscb.reviews.ReviewAccess.Action;
import org.lscb.reviews.ReviewAccess.Relation;
import org.lscb.reviews.cdop.CdopAnalysis;
import org.lscb.reviews.cdop.DeathCategory;
import org.lscb.reviews.cdop.FactorDomain;
import org.lscb.reviews.cdop.FactorLevel;
import org.lscb.reviews.cdop.ModifiableFactors;
import org.lscb.reviews.cdop.Recommendation;
import org.lscb.reviews.clock.ClockStatus;
import org.lscb.reviews.clock.WorkingDays;

/** The panel's work on a review: who sees it, the analysis, the SCR referral, sign-off and completion [17, 23, 27, 38]. */
class ReviewPanelTest {

    private static final LocalDate DIED = LocalDate.of(2026, 5, 4);
    private static final String PANEL = "account-cdop-1";

    static CdopAnalysis analysis(ModifiableFactors modifiable) {
        Map<FactorDomain, FactorLevel> f = new EnumMap<>(FactorDomain.class);
        for (FactorDomain d : FactorDomain.values()) {
            f.put(d, FactorLevel.NONE_IDENTIFIED);
        }
        f.put(FactorDomain.SOCIAL_ENVIRONMENT, FactorLevel.MAY_HAVE_CONTRIBUTED);
        return new CdopAnalysis(DeathCategory.SUDDEN_UNEXPECTED_UNEXPLAINED, f, modifiable, PANEL, NOW);
    }

    private static Review cdr() {
        return ReviewFixtures.cdr(ReviewFixtures.unexpectedDeathAtHome(), DIED, DIED.plusDays(3));
    }

    private static Review cdrInCustody() {
        return ReviewFixtures.cdr(new ChildDeath(16, false, false, true, false, false, true), DIED, null);
    }

    private static ReviewAccess.Viewer cdopMember(String board) {
        return new ReviewAccess.Viewer(PANEL, Set.of(Role.CDOP_MEMBER), board, Optional.empty());
    }

    // ---- [23, 27] the panel sees its board's child death reviews, not its SCRs

    @Test
    void cdopMemberOfTheLeadBoard_seesItsChildDeathReviews_andMayAnalyseThem_para27() {
        Set<Relation> rel = ReviewAccess.relations(cdr(), cdopMember(LEAD_BOARD));

        assertThat(rel).containsExactly(Relation.LEAD_BOARD_CDOP_MEMBER);
        assertThat(ReviewAccess.allows(Action.READ, rel)).isTrue();
        assertThat(ReviewAccess.allows(Action.ANALYSE, rel)).isTrue();
        assertThat(ReviewAccess.allows(Action.READ_ANALYSIS, rel)).isTrue();
        assertThat(ReviewAccess.allows(Action.MANAGE, rel)).isFalse();
        assertThat(ReviewAccess.allows(Action.DECIDE, rel)).isFalse();
        assertThat(ReviewAccess.allows(Action.UPLOAD, rel)).as("not a sender").isFalse();
    }

    @Test
    void cdopMember_seesNoScrOrOtherReview_ofItsBoard_para27() {
        assertThat(ReviewAccess.relations(ReviewFixtures.scr(), cdopMember(LEAD_BOARD)))
                .isEmpty();
    }

    @Test
    void cdopMemberOfAnotherBoard_seesNothing_para23() {
        assertThat(ReviewAccess.relations(cdr(), cdopMember("1b7c0d52-0000-4000-8000-00000000b009")))
                .isEmpty();
    }

    @Test
    void onlyThePanelAndTheLeadBoardsOfficers_analyse() {
        for (Relation r : Relation.values()) {
            boolean expected = r == Relation.LEAD_BOARD_OFFICER || r == Relation.LEAD_BOARD_CDOP_MEMBER;
            assertThat(ReviewAccess.allows(Action.ANALYSE, Set.of(r)))
                    .as(r.name())
                    .isEqualTo(expected);
        }
    }

    // ---- the analysis [27]

    @Test
    void analysis_isRecordedWithItsSchemeAndScale_andReplacedWhenRecordedAgain_para27() {
        Review r = cdr();
        r.recordCdopAnalysis(
                analysis(ModifiableFactors.NONE_IDENTIFIED),
                List.of(new Recommendation("Safe sleep advice at every contact", ReviewFixtures.HEALTH, "r")));
        r.recordCdopAnalysis(analysis(ModifiableFactors.IDENTIFIED), List.of());

        CdopAnalysis a = r.cdopAnalysis().orElseThrow();
        assertThat(a.category()).contains(DeathCategory.SUDDEN_UNEXPECTED_UNEXPLAINED);
        assertThat(a.categoryScheme()).isEqualTo(DeathCategory.SCHEME);
        assertThat(a.factorScale()).isEqualTo(FactorLevel.SCALE);
        assertThat(a.modifiable()).contains(ModifiableFactors.IDENTIFIED);
        assertThat(r.recommendations()).isEmpty();
    }

    @Test
    void analysisOfAnScr_isRefused_para27() {
        assertThatThrownBy(() ->
                        ReviewFixtures.scr().recordCdopAnalysis(analysis(ModifiableFactors.IDENTIFIED), List.of()))
                .isInstanceOfSatisfying(
                        ReviewRuleException.class, e -> assertThat(e.code()).isEqualTo("not_a_child_death_review"));
    }

    @Test
    void moreRecommendationsThanTheBound_areRefused() {
        List<Recommendation> many = IntStream.rangeClosed(0, Recommendation.MAX_PER_REVIEW)
                .mapToObj(i -> new Recommendation("Do " + i, ReviewFixtures.HEALTH, "r"))
                .toList();

        assertThatThrownBy(() -> cdr().recordCdopAnalysis(analysis(ModifiableFactors.IDENTIFIED), many))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("recommendations"));
    }

    // ---- sign-off [27] and custody [17]

    @Test
    void signOff_isRefusedWhileTheAnalysisIsMissing_para27() {
        Review r = cdr();

        assertThatThrownBy(() -> r.signOffChildDeath(TODAY))
                .isInstanceOfSatisfying(
                        ReviewRuleException.class, e -> assertThat(e.code()).isEqualTo("analysis_incomplete"));
        assertThat(r.status()).isEqualTo(ReviewStatus.IN_PROGRESS);
    }

    @Test
    void signOff_completesTheReview_andStopsItsClocks_para27() {
        Review r = cdr();
        r.recordCdopAnalysis(analysis(ModifiableFactors.NONE_IDENTIFIED), List.of());

        r.signOffChildDeath(TODAY);

        assertThat(r.status()).isEqualTo(ReviewStatus.COMPLETED);
        assertThat(r.completedOn()).contains(TODAY);
        assertThat(r.clocks()).isNotEmpty().allSatisfy(c -> {
            assertThat(c.outstanding()).as(c.kind().name()).isFalse();
            assertThat(c.on(TODAY.plusYears(1), ClockSpans.defaults(), WorkingDays.englandAndWales())
                            .orElseThrow()
                            .status())
                    .as("a stopped clock is never overdue")
                    .isIn(ClockStatus.STOPPED, ClockStatus.MET);
        });
        assertThatThrownBy(() -> r.signOffChildDeath(TODAY))
                .isInstanceOfSatisfying(
                        ReviewRuleException.class, e -> assertThat(e.code()).isEqualTo("review_closed"));
    }

    @Test
    void deathInCustody_cannotBeSignedOffWithoutAnScrReferral_para17() {
        Review r = cdrInCustody();
        r.recordCdopAnalysis(analysis(ModifiableFactors.IDENTIFIED), List.of());

        assertThatThrownBy(() -> r.signOffChildDeath(TODAY))
                .isInstanceOfSatisfying(
                        ReviewRuleException.class, e -> assertThat(e.code()).isEqualTo("scr_referral_required"));

        r.referForScr("NM-CDR-2026-11-SCR", PANEL, NOW, TODAY);
        r.signOffChildDeath(TODAY);
        assertThat(r.status()).isEqualTo(ReviewStatus.COMPLETED);
    }

    // ---- the SCR referral [27, 38]

    @Test
    void referral_opensAnScrAwaitingTheChairsDecision_linkedBothWays_para27_para38() {
        Review cdr = cdr();

        Review scr = cdr.referForScr("NM-CDR-2026-11-SCR", PANEL, NOW, TODAY);

        assertThat(scr.type()).isEqualTo(ReviewType.SERIOUS_CASE_REVIEW);
        assertThat(scr.status()).isEqualTo(ReviewStatus.AWAITING_DECISION);
        assertThat(scr.leadLscbId()).isEqualTo(cdr.leadLscbId());
        assertThat(scr.organisationIds()).isEqualTo(cdr.organisationIds());
        assertThat(scr.pseudonym()).isEqualTo(cdr.pseudonym());
        assertThat(scr.dates().notification()).contains(TODAY);
        assertThat(scr.clock(ClockKind.SCR_DECISION)).isPresent();
        assertThat(cdr.scrReferralReviewId()).contains(scr.id());
        assertThat(scr.referredFromReviewId()).contains(cdr.id());
        assertThatThrownBy(() -> cdr.referForScr("again", PANEL, NOW, TODAY))
                .isInstanceOfSatisfying(
                        ReviewRuleException.class, e -> assertThat(e.code()).isEqualTo("already_referred"));
    }

    // ---- completion of other reviews

    @Test
    void managementReview_isCompletedByItsOfficers_andItsClocksStop() {
        Review r = ReviewFixtures.scr();
        r.recordScrDecision(
                ReviewFixtures.criteriaNotMet(),
                ScrDecisionKind.MANAGEMENT_REVIEW,
                "below the threshold",
                TODAY.minusDays(5),
                ReviewFixtures.CHAIR,
                TODAY);

        r.completeReview(TODAY, TODAY);

        assertThat(r.status()).isEqualTo(ReviewStatus.COMPLETED);
        assertThat(r.completedOn()).contains(TODAY);
        assertThat(r.clock(ClockKind.DECISION_REPORTED).orElseThrow().outstanding())
                .as("telling Ofsted and DfE outlives the review")
                .isTrue();
        assertThat(r.clock(ClockKind.RAPID_REVIEW).map(ReviewClock::outstanding))
                .contains(false);
    }

    @Test
    void completingAnScrOrAChildDeathReviewHere_isRefused() {
        assertThatThrownBy(() -> ReviewFixtures.commissionedScr(TODAY).completeReview(TODAY, TODAY))
                .isInstanceOfSatisfying(
                        ReviewRuleException.class, e -> assertThat(e.code()).isEqualTo("not_completable_here"));
        assertThatThrownBy(() -> cdr().completeReview(TODAY, TODAY))
                .isInstanceOfSatisfying(
                        ReviewRuleException.class, e -> assertThat(e.code()).isEqualTo("not_completable_here"));
    }

    @Test
    void stoppedClock_cannotBeMetOrPausedAfterwards() {
        Review r = cdr();
        r.recordCdopAnalysis(analysis(ModifiableFactors.NONE_IDENTIFIED), List.of());
        r.signOffChildDeath(TODAY);

        assertThatThrownBy(() -> r.meetClock(ClockKind.CORONER_JOINT_REPORT, TODAY, TODAY))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("stopped");
        assertThatThrownBy(() -> r.pauseClock(ClockKind.CORONER_JOINT_REPORT, TODAY, "awaiting the inquest", TODAY))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("stopped");
    }

    @Test
    void officerOfTheLeadBoard_isNotPanelMember() {
        assertThat(ReviewAccess.relations(
                        cdr(),
                        new ReviewAccess.Viewer(OFFICER, Set.of(Role.LSCB_OFFICER), LEAD_BOARD, Optional.empty())))
                .containsExactly(Relation.LEAD_BOARD_OFFICER);
    }
}
