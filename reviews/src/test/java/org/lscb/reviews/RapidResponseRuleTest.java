package org.lscb.reviews;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lscb.identity.organisation.OrganisationKind;
import org.lscb.reviews.ReviewAccess.Relation;

/** Who records the steps of the rapid response ({@link RapidResponseRule}). */
class RapidResponseRuleTest {

    @Test
    void visitDecision_isThePoliceOfficersAndThePaediatriciansAndTheLeadBoardsOfficers_32() {
        assertThat(RapidResponseRule.mayRecordVisitDecision(Set.of(Relation.INVOLVED_AGENCY), OrganisationKind.POLICE))
                .isTrue();
        assertThat(RapidResponseRule.mayRecordVisitDecision(Set.of(Relation.APPOINTED_PAEDIATRICIAN), null))
                .isTrue();
        assertThat(RapidResponseRule.mayRecordVisitDecision(Set.of(Relation.LEAD_BOARD_OFFICER), OrganisationKind.LSCB))
                .isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = OrganisationKind.class, names = "POLICE", mode = EnumSource.Mode.EXCLUDE)
    void visitDecision_isNotOtherAgencies_32(OrganisationKind kind) {
        assertThat(RapidResponseRule.mayRecordVisitDecision(Set.of(Relation.INVOLVED_AGENCY), kind))
                .isFalse();
    }

    @Test
    void visitDecision_isNotTheCoronerReviewersChairsOrCooperatingBoards_32() {
        Set<Relation> others = EnumSet.of(
                Relation.APPOINTED_CORONER,
                Relation.APPOINTED_REVIEWER,
                Relation.LEAD_BOARD_CHAIR,
                Relation.COOPERATING_BOARD_CHAIR,
                Relation.COOPERATING_BOARD_OFFICER);
        for (Relation r : others) {
            assertThat(RapidResponseRule.mayRecordVisitDecision(Set.of(r), OrganisationKind.POLICE))
                    .as(r.name())
                    .isFalse();
        }
    }

    @Test
    void postMortem_isThePaediatriciansTheCoronersAndTheLeadBoardsOfficers_36_to_39() {
        for (Relation r : Relation.values()) {
            boolean expected = r == Relation.APPOINTED_PAEDIATRICIAN
                    || r == Relation.APPOINTED_CORONER
                    || r == Relation.LEAD_BOARD_OFFICER;
            assertThat(RapidResponseRule.mayRecordPostMortem(Set.of(r)))
                    .as(r.name())
                    .isEqualTo(expected);
        }
    }
}
