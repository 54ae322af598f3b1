package org.lscb.server.demo;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import org.lscb.identity.account.Account;
import org.lscb.identity.organisation.Organisation;
import org.lscb.registry.independence.IndependenceCheck;
import org.lscb.registry.reviewer.Reviewer;
import org.lscb.reviews.AppointmentRole;
import org.lscb.reviews.ChildDeath;
import org.lscb.reviews.ClockKind;
import org.lscb.reviews.InterAgencyConcern;
import org.lscb.reviews.KeyDates;
import org.lscb.reviews.LeadBoardRule;
import org.lscb.reviews.Review;
import org.lscb.reviews.ReviewRepository;
import org.lscb.reviews.ReviewType;
import org.lscb.reviews.ScrDecisionKind;
import org.lscb.reviews.ScrFacts;

/**
 * Two fictional Northmere reviews whose clocks stand in different states on the day of seeding:
 * <ul>
 * <li>SCR "Child A": commissioned, Robin (independent, qualified) leads and Rowan sits on the panel;
 *     decision and reporting met, completion paused for court proceedings, the rapid review overdue;</li>
 * <li>child death review "Baby N": an unexpected death at home, home visit and registrar's
 *     information met, the joint report to the coroner due soon; paediatrician and coroner appointed.</li>
 * </ul>
 */
final class DemoReviews {

    private DemoReviews() {}

    static int seed(
            EntityManager em,
            Map<String, Organisation> orgs,
            Map<String, Account> accounts,
            Reviewer lead,
            Reviewer panel,
            Instant now) {
        LocalDate today = now.atZone(ZoneId.of("Europe/London")).toLocalDate();
        String officer = accounts.get("officer").id();
        String chair = accounts.get("chair").id();
        String board = orgs.get("board").id();
        ReviewRepository reviews = new ReviewRepository(em);
        IndependenceCheck check = IndependenceCheck.standard();

        Review scr = new Review(
                new Review.Opening(
                        ReviewType.SERIOUS_CASE_REVIEW,
                        "NM-SCR-DEMO-01",
                        "Child A",
                        LeadBoardRule.derive(ReviewType.SERIOUS_CASE_REVIEW, board, null, null, Set.of()),
                        Set.of(
                                orgs.get("police").id(),
                                orgs.get("health").id(),
                                orgs.get("socialcare").id()),
                        new KeyDates(today.minusDays(75), null, today.minusDays(70), null, null, today),
                        null,
                        false),
                officer,
                now);
        scr.recordScrDecision(
                new ScrFacts(true, false, true, InterAgencyConcern.UNCLEAR, false),
                ScrDecisionKind.COMMISSION_SCR,
                "Serious harm with neglect suspected; agencies' information sharing unclear",
                today.minusDays(45),
                chair,
                today);
        scr.meetClock(ClockKind.DECISION_REPORTED, today.minusDays(43), today);
        scr.meetClock(ClockKind.NATIONAL_PANEL_NOTIFICATION, today.minusDays(72), today);
        scr.pauseClock(
                ClockKind.SCR_COMPLETION, today.minusDays(10), "Related care proceedings in the family court", today);
        scr.appoint(
                AppointmentRole.LEAD_REVIEWER,
                lead.id(),
                null,
                scr.independenceOf(lead, check, today),
                null,
                officer,
                now);
        scr.appoint(
                AppointmentRole.PANEL_MEMBER,
                panel.id(),
                null,
                scr.independenceOf(panel, check, today),
                null,
                officer,
                now);
        reviews.add(scr);

        Review cdr = new Review(
                new Review.Opening(
                        ReviewType.CHILD_DEATH_REVIEW,
                        "NM-CDR-DEMO-07",
                        "Baby N",
                        LeadBoardRule.derive(ReviewType.CHILD_DEATH_REVIEW, board, null, null, Set.of()),
                        Set.of(orgs.get("health").id(), orgs.get("police").id()),
                        new KeyDates(null, today.minusDays(24), today.minusDays(24), today.minusDays(20), null, today),
                        new ChildDeath(0, false, false, true, true, false, false),
                        false),
                officer,
                now);
        // the visit, on the afternoon of the day of death: within the 24 hours of [32]
        java.time.Instant visited = today.minusDays(24)
                .atTime(15, 0)
                .atZone(org.lscb.reviews.clock.TimedClock.ENGLAND)
                .toInstant();
        cdr.recordVisitDecision(org.lscb.reviews.VisitDecision.VISITED, visited, null, officer, now);
        cdr.meetClock(ClockKind.REGISTRAR_INFORMATION, today.minusDays(17), today);
        cdr.appoint(
                AppointmentRole.PAEDIATRICIAN,
                null,
                accounts.get("paediatrician").id(),
                null,
                null,
                officer,
                now);
        cdr.appoint(AppointmentRole.CORONER, null, accounts.get("coroner").id(), null, null, officer, now);
        reviews.add(cdr);
        return 2;
    }
}
