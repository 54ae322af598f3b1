package org.lscb.reviews;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lscb.foundation.value.InvalidValueException;

/** Which board leads a review and which cooperate [24, 25]. */
class LeadBoardRuleTest {

    static final ReviewType CDR = ReviewType.CHILD_DEATH_REVIEW;

    static final String RESIDENCE = "board-residence";
    static final String LOOKING_AFTER = "board-looking-after";
    static final String OTHER = "board-other";

    @Test
    void childNotLookedAfter_residenceBoardLeadsAndOthersCooperate() {
        LeadBoardRule.Boards b = LeadBoardRule.derive(CDR, RESIDENCE, null, null, Set.of(OTHER));

        assertThat(b.lead()).isEqualTo(RESIDENCE);
        assertThat(b.cooperating()).containsExactly(OTHER);
    }

    @Test
    void lookedAfterChild_lookingAfterBoardLeadsAndResidenceBoardCooperates() {
        LeadBoardRule.Boards b = LeadBoardRule.derive(CDR, RESIDENCE, LOOKING_AFTER, null, Set.of(OTHER));

        assertThat(b.lead()).isEqualTo(LOOKING_AFTER);
        assertThat(b.cooperating()).containsExactlyInAnyOrder(RESIDENCE, OTHER);
    }

    @Test
    void claimedLeadThatAgreesWithTheRule_isAccepted() {
        assertThat(LeadBoardRule.derive(CDR, RESIDENCE, null, RESIDENCE, Set.of())
                        .lead())
                .isEqualTo(RESIDENCE);
        assertThat(LeadBoardRule.derive(CDR, RESIDENCE, LOOKING_AFTER, LOOKING_AFTER, Set.of())
                        .lead())
                .isEqualTo(LOOKING_AFTER);
    }

    @Test
    void claimedLeadOtherThanTheResidenceBoard_isRefusedNamingLeadLscbId() {
        assertThatThrownBy(() -> LeadBoardRule.derive(CDR, RESIDENCE, null, OTHER, Set.of()))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("leadLscbId");
                    assertThat(e.getMessage()).contains(RESIDENCE);
                });
    }

    @Test
    void claimingTheResidenceBoardForALookedAfterChild_isRefusedNamingTheLookingAfterBoard() {
        assertThatThrownBy(() -> LeadBoardRule.derive(CDR, RESIDENCE, LOOKING_AFTER, RESIDENCE, Set.of()))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("leadLscbId");
                    assertThat(e.getMessage()).contains(LOOKING_AFTER);
                });
    }

    @Test
    void onlyAClaimedLead_leadsWithNoCooperatingBoards() {
        LeadBoardRule.Boards b = LeadBoardRule.derive(CDR, null, null, OTHER, Set.of());

        assertThat(b.lead()).isEqualTo(OTHER);
        assertThat(b.cooperating()).isEmpty();
    }

    @Test
    void noBoardNamedAtAll_isRefusedNamingLeadLscbId() {
        assertThatThrownBy(() -> LeadBoardRule.derive(CDR, null, null, null, Set.of(OTHER)))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("leadLscbId"));
    }

    @Test
    void leadNamedAmongTheOtherBoards_isNeverAlsoCooperating() {
        LeadBoardRule.Boards b =
                LeadBoardRule.derive(CDR, RESIDENCE, LOOKING_AFTER, null, Set.of(LOOKING_AFTER, RESIDENCE, OTHER));

        assertThat(b.lead()).isEqualTo(LOOKING_AFTER);
        assertThat(b.cooperating()).doesNotContain(LOOKING_AFTER).containsExactlyInAnyOrder(RESIDENCE, OTHER);
    }

    @Test
    void lookingAfterBoardThatIsAlsoTheResidenceBoard_hasNoCooperatingBoards() {
        LeadBoardRule.Boards b = LeadBoardRule.derive(CDR, RESIDENCE, RESIDENCE, null, Set.of());

        assertThat(b.lead()).isEqualTo(RESIDENCE);
        assertThat(b.cooperating()).isEmpty();
    }

    @Test
    void changingTheCallersSetAfterwards_doesNotChangeTheBoards() {
        Set<String> others = new HashSet<>(Set.of(OTHER));
        LeadBoardRule.Boards b = LeadBoardRule.derive(CDR, RESIDENCE, null, null, others);

        others.add("board-late");

        assertThat(b.cooperating()).containsExactly(OTHER);
        assertThat(b.cooperating()).isUnmodifiable();
    }

    @Test
    void lookedAfterChildsScr_residenceBoardLeadsAndLookingAfterBoardCooperates() {
        LeadBoardRule.Boards b =
                LeadBoardRule.derive(ReviewType.SERIOUS_CASE_REVIEW, RESIDENCE, LOOKING_AFTER, null, Set.of(OTHER));

        assertThat(b.lead()).isEqualTo(RESIDENCE);
        assertThat(b.cooperating()).containsExactlyInAnyOrder(LOOKING_AFTER, OTHER);
    }

    @Test
    void claimingTheLookingAfterBoardForAnScr_isRefusedNamingTheResidenceBoard() {
        assertThatThrownBy(() -> LeadBoardRule.derive(
                        ReviewType.SERIOUS_CASE_REVIEW, RESIDENCE, LOOKING_AFTER, LOOKING_AFTER, Set.of()))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("leadLscbId");
                    assertThat(e.getMessage()).contains(RESIDENCE).contains("child death review");
                });
    }

    @Test
    void lookedAfterChildsManagementReview_residenceBoardLeads() {
        assertThat(LeadBoardRule.derive(ReviewType.MANAGEMENT_REVIEW, RESIDENCE, LOOKING_AFTER, null, Set.of())
                        .lead())
                .isEqualTo(RESIDENCE);
    }

    @Test
    void scrNamingOnlyTheLookingAfterBoard_needsTheLeadOrTheResidenceBoard() {
        assertThatThrownBy(
                        () -> LeadBoardRule.derive(ReviewType.SERIOUS_CASE_REVIEW, null, LOOKING_AFTER, null, Set.of()))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("leadLscbId"));
    }
}
