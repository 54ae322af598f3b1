package org.lscb.reviews.cdop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lscb.foundation.value.InvalidValueException;

/** The coded fields of the national analysis form [27] and their bad input. */
class CdopAnalysisTest {

    private static final Instant AT = Instant.parse("2026-06-15T09:30:00Z");

    private static Map<FactorDomain, FactorLevel> allDomains() {
        Map<FactorDomain, FactorLevel> f = new EnumMap<>(FactorDomain.class);
        for (FactorDomain d : FactorDomain.values()) {
            f.put(d, FactorLevel.NONE_IDENTIFIED);
        }
        return f;
    }

    @Test
    void theTenCategories_areCodedOneToTen_para27() {
        assertThat(DeathCategory.values()).hasSize(10);
        for (int code = 1; code <= 10; code++) {
            assertThat(DeathCategory.of(code, "category").code()).isEqualTo(code);
        }
        assertThat(DeathCategory.of(10, "category")).isEqualTo(DeathCategory.SUDDEN_UNEXPECTED_UNEXPLAINED);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 11, -1, 99})
    void unknownCategory_isRefusedNamingTheField_para27(int code) {
        assertThatThrownBy(() -> DeathCategory.of(code, "category"))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("category"));
    }

    @Test
    void theFormsLevels_areItsOwnMarks() {
        assertThat(FactorLevel.of("0", "f")).isEqualTo(FactorLevel.NOT_AVAILABLE);
        assertThat(FactorLevel.of("1", "f")).isEqualTo(FactorLevel.NONE_IDENTIFIED);
        assertThat(FactorLevel.of("1*", "f")).isEqualTo(FactorLevel.UNLIKELY_TO_HAVE_CONTRIBUTED);
        assertThat(FactorLevel.of("2", "f")).isEqualTo(FactorLevel.MAY_HAVE_CONTRIBUTED);
        assertThat(FactorLevel.of("3", "f")).isEqualTo(FactorLevel.COMPLETE_EXPLANATION);
    }

    @ParameterizedTest
    @ValueSource(strings = {"4", "-1", "2*", "", "two", "MAY_HAVE_CONTRIBUTED"})
    void levelOutOfTheScale_isRefused(String mark) {
        assertThatThrownBy(() -> FactorLevel.of(mark, "factors.serviceProvision"))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("factors.serviceProvision"));
    }

    @Test
    void missingModifiableJudgement_isRefused_evenWhenADomainIsScoredSufficient_appendix1() {
        Map<FactorDomain, FactorLevel> f = allDomains();
        f.put(FactorDomain.SOCIAL_ENVIRONMENT, FactorLevel.COMPLETE_EXPLANATION);

        assertThatThrownBy(() -> new CdopAnalysis(DeathCategory.INFECTION, f, null, "p", AT))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("modifiableFactors"));
    }

    @Test
    void theJudgement_isThePanels_notDerivedFromTheLevels_appendix1() {
        Map<FactorDomain, FactorLevel> f = allDomains();
        f.put(FactorDomain.SERVICE_PROVISION, FactorLevel.MAY_HAVE_CONTRIBUTED);

        CdopAnalysis a = new CdopAnalysis(DeathCategory.INFECTION, f, ModifiableFactors.NONE_IDENTIFIED, "p", AT);

        assertThat(a.modifiable()).contains(ModifiableFactors.NONE_IDENTIFIED);
        assertThat(a.complete()).isTrue();
    }

    @Test
    void missingDomain_isRefusedNamingIt() {
        Map<FactorDomain, FactorLevel> f = allDomains();
        f.remove(FactorDomain.PHYSICAL_ENVIRONMENT);

        assertThatThrownBy(() -> new CdopAnalysis(DeathCategory.INFECTION, f, ModifiableFactors.IDENTIFIED, "p", AT))
                .isInstanceOfSatisfying(
                        InvalidValueException.class,
                        e -> assertThat(e.field()).isEqualTo("factors.PHYSICAL_ENVIRONMENT"));
    }

    @Test
    void recommendationText_isBounded_andOneLine_para27() {
        String longest = "x".repeat(Recommendation.MAX_TEXT);
        assertThat(new Recommendation(longest, "org", "recommendations[0]").text())
                .hasSize(Recommendation.MAX_TEXT);
        assertThatThrownBy(() -> new Recommendation(longest + "x", "org", "recommendations[0]"))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("recommendations[0].text"));
        assertThatThrownBy(() -> new Recommendation("one\ntwo", "org", "recommendations[1]"))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("recommendations[1].text"));
        assertThatThrownBy(() -> new Recommendation("act", null, "recommendations[2]"))
                .isInstanceOfSatisfying(
                        InvalidValueException.class,
                        e -> assertThat(e.field()).isEqualTo("recommendations[2].organisationId"));
    }
}
