package org.lscb.server.demo;

import static org.lscb.reviews.clock.TimedClock.ENGLAND;

import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lscb.identity.account.Account;
import org.lscb.identity.organisation.Organisation;
import org.lscb.reviews.ChildDeath;
import org.lscb.reviews.ClockKind;
import org.lscb.reviews.KeyDates;
import org.lscb.reviews.LeadBoardRule;
import org.lscb.reviews.ReportingYear;
import org.lscb.reviews.Review;
import org.lscb.reviews.ReviewRepository;
import org.lscb.reviews.ReviewType;
import org.lscb.reviews.VisitDecision;
import org.lscb.reviews.cdop.CdopAnalysis;
import org.lscb.reviews.cdop.DeathCategory;
import org.lscb.reviews.cdop.FactorDomain;
import org.lscb.reviews.cdop.FactorLevel;
import org.lscb.reviews.cdop.ModifiableFactors;
import org.lscb.reviews.cdop.Recommendation;

/**
 * Fictional child death reviews of Northmere that the panel analysed and signed off: {@link #LAST_YEAR} in the last
 * complete reporting year (to 31 March) before the day of seeding and {@link #YEAR_BEFORE} in the year before, for a
 * trend, so that the annual return and the CDOP report have figures. The same every time: each death follows from
 * its number alone, with no randomness.
 */
final class DemoChildDeaths {

    static final int LAST_YEAR = 26;
    static final int YEAR_BEFORE = 12;

    /** Age in years and, for the first year, in days: neonatal, infant, and each band of the statistics. */
    private static final int[][] AGES = {
        {0, 3}, {0, 60}, {0, 12}, {3, -1}, {0, 200}, {7, -1}, {12, -1}, {16, -1}, {2, -1}, {0, 1}, {14, -1}, {5, -1},
        {17, -1}
    };

    private static final DeathCategory[] CATEGORIES = {
        DeathCategory.PERINATAL_NEONATAL_EVENT,
        DeathCategory.CHROMOSOMAL_GENETIC_CONGENITAL,
        DeathCategory.SUDDEN_UNEXPECTED_UNEXPLAINED,
        DeathCategory.INFECTION,
        DeathCategory.ACUTE_MEDICAL_OR_SURGICAL,
        DeathCategory.MALIGNANCY,
        DeathCategory.TRAUMA_AND_EXTERNAL_FACTORS,
        DeathCategory.PERINATAL_NEONATAL_EVENT,
        DeathCategory.CHRONIC_MEDICAL,
        DeathCategory.CHROMOSOMAL_GENETIC_CONGENITAL,
        DeathCategory.SUICIDE_OR_SELF_HARM,
        DeathCategory.PERINATAL_NEONATAL_EVENT,
        DeathCategory.DELIBERATELY_INFLICTED_INJURY
    };

    private static final String[] RECOMMENDATIONS = {
        "Repeat safe sleep advice at every health visitor contact in the first year",
        "Share the pool fencing learning with the council's licensing team",
        "Offer every family a named bereavement contact within a week of the death"
    };

    private DemoChildDeaths() {}

    static int seed(EntityManager em, Map<String, Organisation> orgs, Account panelMember, Instant now) {
        LocalDate today = now.atZone(ENGLAND).toLocalDate();
        ReportingYear last = ReportingYear.containing(today).previous();
        ReviewRepository reviews = new ReviewRepository(em);
        String board = orgs.get("board").id();
        Set<String> agencies =
                Set.of(orgs.get("health").id(), orgs.get("police").id());
        List<String> actors = List.of(
                orgs.get("health").id(),
                orgs.get("board").id(),
                orgs.get("socialcare").id());
        int made = 0;
        for (int i = 0; i < LAST_YEAR + YEAR_BEFORE; i++) {
            ReportingYear year = i < LAST_YEAR ? last : last.previous();
            int n = i < LAST_YEAR ? i : i - LAST_YEAR;
            int count = i < LAST_YEAR ? LAST_YEAR : YEAR_BEFORE;
            // signed off through the year, the first in April and the last in March
            LocalDate signedOff = year.firstDay().plusDays(7 + (long) n * 350 / count);
            LocalDate died = signedOff.minusDays(120 + (i % 5) * 20L);
            int[] age = AGES[i % AGES.length];
            DeathCategory category = CATEGORIES[i % CATEGORIES.length];
            boolean unexpected = category == DeathCategory.SUDDEN_UNEXPECTED_UNEXPLAINED
                    || category == DeathCategory.TRAUMA_AND_EXTERNAL_FACTORS
                    || category == DeathCategory.SUICIDE_OR_SELF_HARM
                    || category == DeathCategory.DELIBERATELY_INFLICTED_INJURY
                    || i % 4 == 0;
            ChildDeath death = new ChildDeath(age[0], false, false, unexpected, unexpected && i % 2 == 0, false, false)
                    .withAgeInDays(age[1] < 0 ? null : age[1]);
            Instant diedAt = died.atStartOfDay(ENGLAND).toInstant();
            Review r = new Review(
                    new Review.Opening(
                            ReviewType.CHILD_DEATH_REVIEW,
                            "NM-CDR-" + year.endsIn() + "-" + String.format("%02d", n + 1),
                            "Child " + (char) ('A' + i % 23) + (char) ('A' + (i * 7) % 23),
                            LeadBoardRule.derive(ReviewType.CHILD_DEATH_REVIEW, board, null, null, Set.of()),
                            agencies,
                            new KeyDates(null, died, died, died.plusDays(3), null, today),
                            death,
                            false),
                    panelMember.id(),
                    // opened when the death was notified, so the demo's open reviews list first
                    diedAt);
            if (r.clock(ClockKind.HOME_VISIT).isPresent()) {
                // the visit clock is met only by the decision on a visit, recorded at its time [32]
                Instant visited = diedAt.plus(Duration.ofHours(20));
                r.recordVisitDecision(VisitDecision.VISITED, visited, null, panelMember.id(), visited);
            }
            if (r.clock(ClockKind.REGISTRAR_INFORMATION).isPresent()) {
                r.meetClock(ClockKind.REGISTRAR_INFORMATION, died.plusDays(5), today);
            }
            if (r.clock(ClockKind.CORONER_JOINT_REPORT).isPresent()) {
                r.meetClock(ClockKind.CORONER_JOINT_REPORT, died.plusDays(20 + i % 12), today);
            }
            ModifiableFactors modifiable = i % 3 == 0
                    ? ModifiableFactors.IDENTIFIED
                    : i % 7 == 5 ? ModifiableFactors.INADEQUATE_INFORMATION : ModifiableFactors.NONE_IDENTIFIED;
            Map<FactorDomain, FactorLevel> factors = new EnumMap<>(FactorDomain.class);
            factors.put(FactorDomain.INTRINSIC_TO_CHILD, FactorLevel.values()[1 + i % 4]);
            factors.put(
                    FactorDomain.SOCIAL_ENVIRONMENT,
                    modifiable == ModifiableFactors.IDENTIFIED
                            ? FactorLevel.MAY_HAVE_CONTRIBUTED
                            : FactorLevel.NONE_IDENTIFIED);
            factors.put(FactorDomain.PHYSICAL_ENVIRONMENT, FactorLevel.values()[i % 3]);
            factors.put(
                    FactorDomain.SERVICE_PROVISION,
                    modifiable == ModifiableFactors.INADEQUATE_INFORMATION
                            ? FactorLevel.NOT_AVAILABLE
                            : FactorLevel.UNLIKELY_TO_HAVE_CONTRIBUTED);
            List<Recommendation> recs = modifiable == ModifiableFactors.IDENTIFIED
                    ? List.of(new Recommendation(
                            RECOMMENDATIONS[i % RECOMMENDATIONS.length],
                            actors.get(i % actors.size()),
                            "recommendations[0]"))
                    : List.of();
            r.recordCdopAnalysis(new CdopAnalysis(category, factors, modifiable, panelMember.id(), now), recs);
            r.signOffChildDeath(signedOff);
            reviews.add(r);
            made++;
        }
        return made;
    }
}
