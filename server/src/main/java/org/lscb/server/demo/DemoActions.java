package org.lscb.server.demo;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.lscb.identity.account.Account;
import org.lscb.identity.organisation.Organisation;
import org.lscb.reviews.Review;
import org.lscb.reviews.action.ActionStateRule;
import org.lscb.reviews.action.ActionStatus;
import org.lscb.reviews.action.ImprovementAction;
import org.lscb.reviews.action.ImprovementActionRepository;
import org.lscb.reviews.clock.TimedClock;

/**
 * The action plans of the demo's Northmere reviews [9, 11, 19], dated from the day of seeding so that they stand
 * the same way on every fresh demo: two done with a note of their impact, two in progress and two not started, one
 * of each overdue on the day of seeding.
 */
final class DemoActions {

    /** One demo action: the review it belongs to, its owner's key, what it says, its due day and its status. */
    record Planned(
            String review,
            String owner,
            String recommendation,
            String change,
            int dueInDays,
            ActionStatus status,
            String note) {}

    static final List<Planned> PLANNED = List.of(
            new Planned(
                    "NM-SCR-DEMO-01",
                    "police",
                    "Agencies share what they know of neglect at the first strategy discussion",
                    "Officers attending strategy discussions bring every attended call to the family's address",
                    -30,
                    ActionStatus.DONE,
                    "A dip sample of twenty strategy discussions found the call history brought to every one."),
            new Planned(
                    "NM-SCR-DEMO-01",
                    "health",
                    "Missed health appointments are followed up and shared",
                    "Health visitors record each missed appointment and tell the family's social worker",
                    -12,
                    ActionStatus.DONE,
                    "Missed appointments are now recorded and shared; the audit found none unreported."),
            new Planned(
                    "NM-SCR-DEMO-01",
                    "socialcare",
                    "Assessments of neglect use a recognised tool",
                    "Social workers are trained in and use a neglect assessment tool for every new referral",
                    -5,
                    ActionStatus.IN_PROGRESS,
                    null),
            new Planned(
                    "NM-SCR-DEMO-01",
                    "education",
                    "Schools raise concerns about attendance and presentation early",
                    "Designated safeguarding leads are briefed on the review's learning about neglect",
                    -20,
                    ActionStatus.NOT_STARTED,
                    null),
            new Planned(
                    "NM-SCR-DEMO-01",
                    "board",
                    "The board checks that the learning has reached front-line practice",
                    "The board runs a multi-agency audit of neglect cases and reports it to the board",
                    40,
                    ActionStatus.IN_PROGRESS,
                    null),
            new Planned(
                    "NM-CDR-DEMO-07",
                    "health",
                    "Safe sleeping advice is given and recorded at every contact with a new baby",
                    "Midwives and health visitors give and record safe sleeping advice at each visit",
                    25,
                    ActionStatus.NOT_STARTED,
                    null));

    private DemoActions() {}

    /** Adds the demo's actions to its reviews, already persisted; returns how many. */
    static int seed(EntityManager em, Map<String, Organisation> orgs, Map<String, Account> accounts, Instant now) {
        LocalDate today = now.atZone(TimedClock.ENGLAND).toLocalDate();
        String officer = accounts.get("officer").id();
        Set<String> partners = DemoSeeder.DemoData.MEMBERS.get("board").stream()
                .map(k -> orgs.get(k).id())
                .collect(Collectors.toSet());
        ImprovementActionRepository actions = new ImprovementActionRepository(em);
        for (Planned p : PLANNED) {
            Review review = em.createQuery("select r from Review r where r.reference = :ref", Review.class)
                    .setParameter("ref", p.review())
                    .getSingleResult();
            ImprovementAction a = new ImprovementAction(
                    review,
                    new ImprovementAction.Plan(
                            p.recommendation(), orgs.get(p.owner()).id(), p.change(), today.plusDays(p.dueInDays())),
                    partners,
                    officer,
                    now,
                    today);
            if (p.status() != ActionStatus.NOT_STARTED) {
                a.report(
                        new ImprovementAction.Progress(p.status(), null, null, p.note()),
                        ActionStateRule.Mover.BOARD,
                        officer,
                        now);
            }
            actions.add(a);
        }
        return PLANNED.size();
    }
}
