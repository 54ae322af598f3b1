package org.lscb.reviews;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.lscb.foundation.value.InvalidValueException;

/** The SCR criteria of regulation 5(2), with the guidance's readings [17, 18]. */
class ScrCriteriaTest {

    @Test
    void abuseSuspectedAndChildDied_isMet() {
        ScrCriteria.Assessment a = ScrCriteria.assess(new ScrFacts(true, true, false, InterAgencyConcern.NO, false));

        assertThat(a.met()).isTrue();
        assertThat(a.because())
                .containsExactly(
                        "abuse or neglect is known or suspected (regulation 5(2)(a))",
                        "the child died (regulation 5(2)(b)(i))");
    }

    @Test
    void abuseSuspectedSeriousHarmAndInterAgencyConcern_isMet() {
        ScrCriteria.Assessment a = ScrCriteria.assess(new ScrFacts(true, false, true, InterAgencyConcern.YES, false));

        assertThat(a.met()).isTrue();
        assertThat(a.because()).last().asString().contains("cause for concern about inter-agency working");
    }

    @Test
    void unclearInterAgencyConcern_countsAsConcernSoSeriousHarmIsMet() {
        ScrCriteria.Assessment a =
                ScrCriteria.assess(new ScrFacts(true, false, true, InterAgencyConcern.UNCLEAR, false));

        assertThat(a.met()).isTrue();
        assertThat(a.because()).last().asString().contains("[18]");
    }

    @Test
    void seriousHarmWithClearlyNoInterAgencyConcern_isNotMet() {
        ScrCriteria.Assessment a = ScrCriteria.assess(new ScrFacts(true, false, true, InterAgencyConcern.NO, false));

        assertThat(a.met()).isFalse();
        assertThat(a.because()).last().asString().contains("no concern about inter-agency working");
    }

    @Test
    void abuseSuspectedButNeitherDiedNorSeriouslyHarmed_isNotMetEvenWithConcern() {
        ScrCriteria.Assessment a = ScrCriteria.assess(new ScrFacts(true, false, false, InterAgencyConcern.YES, false));

        assertThat(a.met()).isFalse();
        assertThat(a.because()).last().asString().contains("neither died nor was seriously harmed");
    }

    @Test
    void noAbuseOrNeglect_isNotMetEvenWhenTheChildDied() {
        ScrCriteria.Assessment a = ScrCriteria.assess(new ScrFacts(false, true, true, InterAgencyConcern.YES, false));

        assertThat(a.met()).isFalse();
        assertThat(a.because()).containsExactly("abuse or neglect is neither known nor suspected (regulation 5(2)(a))");
    }

    @Test
    void deathInCustody_isAlwaysMetEvenWithoutAbuse() {
        ScrCriteria.Assessment a = ScrCriteria.assess(new ScrFacts(false, true, false, InterAgencyConcern.NO, true));

        assertThat(a.met()).isTrue();
        assertThat(a.because()).singleElement().asString().contains("custody").contains("[17]");
    }

    @Test
    void assessmentReasons_cannotBeChangedByTheCaller() {
        ScrCriteria.Assessment a = ScrCriteria.assess(new ScrFacts(true, true, false, InterAgencyConcern.NO, false));

        assertThat(a.because()).isUnmodifiable();
    }

    @Test
    void missingAbuseFact_isRefusedNamingTheField() {
        assertRefused(
                () -> new ScrFacts(null, true, false, InterAgencyConcern.NO, false),
                "facts.abuseOrNeglectKnownOrSuspected");
    }

    @Test
    void missingChildDiedFact_isRefusedNamingTheField() {
        assertRefused(() -> new ScrFacts(true, null, false, InterAgencyConcern.NO, false), "facts.childDied");
    }

    @Test
    void missingSeriousHarmFact_isRefusedNamingTheField() {
        assertRefused(() -> new ScrFacts(true, true, null, InterAgencyConcern.NO, false), "facts.seriouslyHarmed");
    }

    @Test
    void missingInterAgencyConcern_isRefusedNamingTheField() {
        assertRefused(() -> new ScrFacts(true, true, false, null, false), "facts.interAgencyConcern");
    }

    @Test
    void deathInCustodyOfAChildWhoDidNotDie_isRefused() {
        assertRefused(() -> new ScrFacts(true, false, true, InterAgencyConcern.NO, true), "facts.diedInCustody");
    }

    @Test
    void unstatedDeathInCustody_meansNotInCustody() {
        ScrFacts f = new ScrFacts(true, true, false, InterAgencyConcern.NO, null);

        assertThat(f.diedInCustody()).isFalse();
        assertThat(f.recorded()).isTrue();
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
        InvalidValueException e = catchThrowableOfType(InvalidValueException.class, call);
        assertThat(e).as("expected InvalidValueException for %s", field).isNotNull();
        assertThat(e.field()).isEqualTo(field);
    }
}
