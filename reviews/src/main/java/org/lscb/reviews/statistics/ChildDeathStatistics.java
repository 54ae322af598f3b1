package org.lscb.reviews.statistics;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.lscb.reviews.ReportingYear;
import org.lscb.reviews.Review;
import org.lscb.reviews.ReviewStatus;
import org.lscb.reviews.ReviewType;
import org.lscb.reviews.cdop.CdopAnalysis;
import org.lscb.reviews.cdop.DeathCategory;
import org.lscb.reviews.cdop.ModifiableFactors;

/**
 * The counts of a board's child death reviews completed (signed off by the panel) in a reporting year, as the DfE's
 * child death review statistics tabulate them [28]: by category of death, by age band, by whether modifiable factors
 * were identified, and by whether the death was expected. Raw counts, for the annual return (which suppresses small
 * ones, {@link SmallCountSuppression}) and the CDOP annual report. Nothing here names or dates a child.
 *
 * @param total the reviews counted; each table's counts add up to it
 */
public record ChildDeathStatistics(
        ReportingYear year,
        int total,
        Map<DeathCategory, Integer> byCategory,
        Map<AgeBand, Integer> byAgeBand,
        Map<ModifiableFactors, Integer> byModifiable,
        int expected,
        int unexpected) {

    public ChildDeathStatistics {
        byCategory = Collections.unmodifiableMap(new EnumMap<>(byCategory));
        byAgeBand = Collections.unmodifiableMap(new EnumMap<>(byAgeBand));
        byModifiable = Collections.unmodifiableMap(new EnumMap<>(byModifiable));
    }

    /**
     * Counts the reviews of {@code reviews} that count in {@code year}: child death reviews completed on a day of the
     * year with the panel's analysis recorded. Others given are left out, so a caller may pass a wider set.
     */
    public static ChildDeathStatistics of(ReportingYear year, Collection<Review> reviews) {
        Map<DeathCategory, Integer> category = zeros(DeathCategory.class);
        Map<AgeBand, Integer> age = zeros(AgeBand.class);
        Map<ModifiableFactors, Integer> modifiable = zeros(ModifiableFactors.class);
        int total = 0;
        int expected = 0;
        int unexpected = 0;
        for (Review r : reviews) {
            if (!counts(r, year)) {
                continue;
            }
            CdopAnalysis a = r.cdopAnalysis().orElseThrow();
            total++;
            category.merge(a.category().orElseThrow(), 1, Integer::sum);
            age.merge(AgeBand.of(r.childDeath()), 1, Integer::sum);
            modifiable.merge(a.modifiable().orElseThrow(), 1, Integer::sum);
            if (r.childDeath().unexpected()) {
                unexpected++;
            } else {
                expected++;
            }
        }
        return new ChildDeathStatistics(year, total, category, age, modifiable, expected, unexpected);
    }

    /** Whether a review counts in a year's return: a child death review signed off in the year, analysed. */
    public static boolean counts(Review r, ReportingYear year) {
        return r.type() == ReviewType.CHILD_DEATH_REVIEW
                && r.status() == ReviewStatus.COMPLETED
                && r.completedOn().map(year::contains).orElse(false)
                && r.childDeath().recorded()
                && r.cdopAnalysis().isPresent();
    }

    private static <E extends Enum<E>> Map<E, Integer> zeros(Class<E> type) {
        Map<E, Integer> m = new EnumMap<>(type);
        for (E e : type.getEnumConstants()) {
            m.put(e, 0);
        }
        return m;
    }
}
