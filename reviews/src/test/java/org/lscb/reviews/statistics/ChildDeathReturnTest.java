package org.lscb.reviews.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lscb.foundation.value.InvalidValueException;
import org.lscb.reviews.ChildDeath;
import org.lscb.reviews.KeyDates;
import org.lscb.reviews.LeadBoardRule;
import org.lscb.reviews.ReportingYear;
import org.lscb.reviews.Review;
import org.lscb.reviews.ReviewType;
import org.lscb.reviews.cdop.CdopAnalysis;
import org.lscb.reviews.cdop.DeathCategory;
import org.lscb.reviews.cdop.FactorDomain;
import org.lscb.reviews.cdop.FactorLevel;
import org.lscb.reviews.cdop.ModifiableFactors;
import org.lscb.reviews.cdop.Recommendation;

/** The annual return's counts [28], its age bands, and small-count suppression. */
class ChildDeathReturnTest {

    private static final String BOARD = "1b7c0d52-0000-4000-8000-00000000b001";
    private static final LocalDate TODAY = LocalDate.of(2026, 9, 1);
    private static final Instant NOW = Instant.parse("2026-09-01T09:00:00Z");
    private static final ReportingYear YEAR = new ReportingYear(2026);

    private static int seq;

    /** A review signed off on {@code signedOff}, its reference and recommendation distinctive. */
    static Review signedOff(
            LocalDate signedOff,
            DeathCategory category,
            int years,
            Integer days,
            ModifiableFactors m,
            boolean unexpected) {
        LocalDate died = signedOff.minusDays(90);
        seq++;
        Review r = new Review(
                new Review.Opening(
                        ReviewType.CHILD_DEATH_REVIEW,
                        "ZZREF-" + seq,
                        "Child Qxq",
                        new LeadBoardRule.Boards(BOARD, Set.of()),
                        Set.of(),
                        new KeyDates(null, died, died, null, null, TODAY),
                        new ChildDeath(years, false, false, unexpected, false, false, false).withAgeInDays(days),
                        false),
                "officer",
                NOW);
        Map<FactorDomain, FactorLevel> f = new EnumMap<>(FactorDomain.class);
        for (FactorDomain d : FactorDomain.values()) {
            f.put(d, FactorLevel.NONE_IDENTIFIED);
        }
        r.recordCdopAnalysis(
                new CdopAnalysis(category, f, m, "panel", NOW),
                List.of(new Recommendation("SECRET-RECOMMENDATION-" + seq, "org", "r")));
        r.signOffChildDeath(signedOff);
        return r;
    }

    @Test
    void ageBands_followTheStatistics_withDaysInTheFirstYear_para28() {
        assertThat(AgeBand.of(new ChildDeath(0, false, false, true, false, false, false).withAgeInDays(27)))
                .isEqualTo(AgeBand.UNDER_28_DAYS);
        assertThat(AgeBand.of(new ChildDeath(0, false, false, true, false, false, false).withAgeInDays(28)))
                .isEqualTo(AgeBand.DAYS_28_TO_364);
        assertThat(AgeBand.of(new ChildDeath(0, false, false, true, false, false, false)))
                .isEqualTo(AgeBand.UNDER_1_YEAR_DAYS_NOT_RECORDED);
        assertThat(AgeBand.of(new ChildDeath(1, false, false, true, false, false, false)))
                .isEqualTo(AgeBand.YEARS_1_TO_4);
        assertThat(AgeBand.of(new ChildDeath(9, false, false, true, false, false, false)))
                .isEqualTo(AgeBand.YEARS_5_TO_9);
        assertThat(AgeBand.of(new ChildDeath(14, false, false, true, false, false, false)))
                .isEqualTo(AgeBand.YEARS_10_TO_14);
        assertThat(AgeBand.of(new ChildDeath(17, false, false, true, false, false, false)))
                .isEqualTo(AgeBand.YEARS_15_TO_17);
        // each band's edges
        assertThat(AgeBand.of(new ChildDeath(0, false, false, true, false, false, false).withAgeInDays(0)))
                .isEqualTo(AgeBand.UNDER_28_DAYS);
        assertThat(AgeBand.of(new ChildDeath(0, false, false, true, false, false, false).withAgeInDays(364)))
                .isEqualTo(AgeBand.DAYS_28_TO_364);
        assertThat(AgeBand.of(new ChildDeath(4, false, false, true, false, false, false)))
                .isEqualTo(AgeBand.YEARS_1_TO_4);
        assertThat(AgeBand.of(new ChildDeath(5, false, false, true, false, false, false)))
                .isEqualTo(AgeBand.YEARS_5_TO_9);
        assertThat(AgeBand.of(new ChildDeath(10, false, false, true, false, false, false)))
                .isEqualTo(AgeBand.YEARS_10_TO_14);
        assertThat(AgeBand.of(new ChildDeath(15, false, false, true, false, false, false)))
                .isEqualTo(AgeBand.YEARS_15_TO_17);
    }

    @Test
    void ageInDays_keepsOnlyWhetherNeonatal_andIsOnlyForTheFirstYear_para28() {
        ChildDeath baby = new ChildDeath(0, false, false, true, false, false, false);

        assertThat(baby.withAgeInDays(27).neonatal()).isTrue();
        assertThat(baby.withAgeInDays(28).neonatal()).isFalse();
        for (int bad : new int[] {-1, 366}) {
            assertThatThrownBy(() -> baby.withAgeInDays(bad))
                    .isInstanceOfSatisfying(
                            InvalidValueException.class,
                            e -> assertThat(e.field()).isEqualTo("childDeath.ageAtDeathDays"));
        }
        assertThatThrownBy(() -> new ChildDeath(2, false, false, true, false, false, false).withAgeInDays(10))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void statistics_countReviewsSignedOffInTheYearToMarch_only_para28() {
        List<Review> reviews = new ArrayList<>();
        reviews.add(signedOff(
                LocalDate.of(2025, 4, 1), DeathCategory.INFECTION, 3, null, ModifiableFactors.IDENTIFIED, true));
        reviews.add(signedOff(
                LocalDate.of(2026, 3, 31), DeathCategory.MALIGNANCY, 0, 40, ModifiableFactors.NONE_IDENTIFIED, false));
        reviews.add(signedOff(
                LocalDate.of(2025, 3, 31), DeathCategory.INFECTION, 3, null, ModifiableFactors.IDENTIFIED, true));
        reviews.add(signedOff(
                LocalDate.of(2026, 4, 1), DeathCategory.INFECTION, 3, null, ModifiableFactors.IDENTIFIED, true));

        ChildDeathStatistics s = ChildDeathStatistics.of(YEAR, reviews);

        assertThat(s.total()).isEqualTo(2);
        assertThat(s.byCategory().get(DeathCategory.INFECTION)).isEqualTo(1);
        assertThat(s.byCategory().get(DeathCategory.MALIGNANCY)).isEqualTo(1);
        assertThat(s.byAgeBand().get(AgeBand.DAYS_28_TO_364)).isEqualTo(1);
        assertThat(s.byModifiable().get(ModifiableFactors.IDENTIFIED)).isEqualTo(1);
        assertThat(s.expected()).isEqualTo(1);
        assertThat(s.unexpected()).isEqualTo(1);
    }

    @Test
    void countsOfOneOrTwo_areShownAsC_andAnotherCellHidesThem_para28() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("a", 10);
        counts.put("b", 2);
        counts.put("c", 5);
        counts.put("d", 0);

        SmallCountSuppression.Table t = SmallCountSuppression.table(counts, k -> k);

        assertThat(t.cells())
                .containsExactly(Map.entry("a", "10"), Map.entry("b", "c"), Map.entry("c", "c"), Map.entry("d", "0"));
        assertThat(t.protectedFully()).isTrue();
    }

    @Test
    void twoHiddenOnesAlone_wouldRevealThemselves_soAThirdIsHidden() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("a", 1);
        counts.put("b", 1);
        counts.put("c", 7);
        counts.put("d", 9);

        SmallCountSuppression.Table t = SmallCountSuppression.table(counts, k -> k);

        assertThat(t.cells())
                .containsExactly(Map.entry("a", "c"), Map.entry("b", "c"), Map.entry("c", "c"), Map.entry("d", "9"));
    }

    @Test
    void aYearOfTooFewDeaths_isWithheldWhole_withItsTotal() {
        ChildDeathReturn r = ChildDeathReturn.of(ChildDeathStatistics.of(
                YEAR,
                List.of(signedOff(
                        LocalDate.of(2025, 6, 1),
                        DeathCategory.INFECTION,
                        3,
                        null,
                        ModifiableFactors.IDENTIFIED,
                        true))));

        assertThat(r.rows()).allSatisfy(row -> assertThat(row.count()).isIn("c", "0"));
        assertThat(r.rows().get(0).count()).isEqualTo("c");
    }

    @Test
    void theReturn_carriesNoReferencePseudonymDateOrRecommendation_para28() {
        List<Review> reviews = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            reviews.add(signedOff(
                    LocalDate.of(2025, 4, 10).plusDays(i * 11L),
                    DeathCategory.values()[i % 4],
                    i % 18,
                    i % 18 == 0 ? 10 : null,
                    ModifiableFactors.values()[i % 3],
                    i % 2 == 0));
        }

        ChildDeathReturn r = ChildDeathReturn.of(ChildDeathStatistics.of(YEAR, reviews));

        assertThat(r.rows().get(0).count()).isEqualTo("30");
        assertThat(r.firstMonth()).isEqualTo("2025-04");
        assertThat(r.lastMonth()).isEqualTo("2026-03");
        String all = r.toString();
        assertThat(all)
                .doesNotContain("ZZREF")
                .doesNotContain("Qxq")
                .doesNotContain("SECRET-RECOMMENDATION")
                .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
    }
}
