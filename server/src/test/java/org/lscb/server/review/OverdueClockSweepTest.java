package org.lscb.server.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lscb.foundation.audit.AuditLog;
import org.lscb.foundation.persistence.Database;
import org.lscb.foundation.persistence.TestDataSources;
import org.lscb.identity.organisation.Organisation;
import org.lscb.identity.organisation.OrganisationKind;
import org.lscb.identity.organisation.OrganisationRepository;
import org.lscb.reviews.ChildDeath;
import org.lscb.reviews.ClockKind;
import org.lscb.reviews.ClockSpans;
import org.lscb.reviews.KeyDates;
import org.lscb.reviews.LeadBoardRule;
import org.lscb.reviews.Review;
import org.lscb.reviews.ReviewClock;
import org.lscb.reviews.ReviewRepository;
import org.lscb.reviews.ReviewType;
import org.lscb.reviews.clock.WorkingDays;
import org.lscb.server.persistence.ApplicationSchema;

/**
 * The overdue sweep marks each newly overdue clock exactly once, with one audit event, even when two
 * servers (two persistence units on one database) sweep at the same moment. Runs on H2 and PostgreSQL.
 */
class OverdueClockSweepTest {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-15T10:00:00Z"), ZoneOffset.UTC);
    static final WorkingDays WORKING_DAYS = WorkingDays.englandAndWales();

    private DataSource dataSource;
    private Database serverA;
    private Database serverB;

    @BeforeEach
    void open() {
        dataSource = TestDataSources.fresh();
        ApplicationSchema.migrate(dataSource);
        serverA = Database.open(dataSource);
        serverB = Database.open(dataSource);
    }

    @AfterEach
    void close() {
        serverA.close();
        serverB.close();
    }

    @Test
    void twoServersSweepingAtOnce_markEachOverdueClockOnce() throws Exception {
        // notified 60 days ago: the decision (1 month) and the rapid review (15 working days) are overdue,
        // the national panel notification (5 working days from the incident) was met in time
        String overdueReview = scr(TODAY.minusDays(60), true);
        // notified 3 days ago: nothing is overdue yet
        scr(TODAY.minusDays(3), false);
        List<ReviewClock> marked = new CopyOnWriteArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService two = Executors.newFixedThreadPool(2);
        List<Future<Integer>> runs = new ArrayList<>();
        for (Database server : List.of(serverA, serverB)) {
            OverdueClockSweep sweep = new OverdueClockSweep(server, ClockSpans.defaults(), WORKING_DAYS, CLOCK);
            runs.add(two.submit(() -> {
                go.await();
                return sweep.sweep(marked::add);
            }));
        }
        go.countDown();
        int total = runs.get(0).get(60, TimeUnit.SECONDS) + runs.get(1).get(60, TimeUnit.SECONDS);
        two.shutdown();

        assertThat(total).isEqualTo(2);
        assertThat(marked)
                .extracting(ReviewClock::kind)
                .containsExactlyInAnyOrder(ClockKind.SCR_DECISION, ClockKind.RAPID_REVIEW);
        assertThat(overdueEvents())
                .hasSize(2)
                .allSatisfy(details -> assertThat(details).contains("is overdue on " + TODAY));
        assertThat(serverA.read(em -> new AuditLog(em).verify()).valid()).isTrue();
        assertThat(serverA.read(em -> new ReviewRepository(em).byId(overdueReview))
                        .orElseThrow()
                        .clock(ClockKind.SCR_DECISION)
                        .orElseThrow()
                        .overdueMarkedAt())
                .isPresent();
    }

    @Test
    void aSecondSweep_marksNothingAgain() {
        scr(TODAY.minusDays(60), true);
        OverdueClockSweep sweep = new OverdueClockSweep(serverA, ClockSpans.defaults(), WORKING_DAYS, CLOCK);

        int first = sweep.sweep(c -> {});
        int second = sweep.sweep(c -> {});

        assertThat(first).isEqualTo(2);
        assertThat(second).isZero();
        assertThat(overdueEvents()).hasSize(2);
    }

    @Test
    void aClockTheDeploymentSwitchedOff_isNeverMarked() {
        scr(TODAY.minusDays(60), true);
        ClockSpans noRapidReview =
                ClockSpans.from(k -> k == ClockKind.RAPID_REVIEW ? Optional.of("off") : Optional.empty());

        int marked = new OverdueClockSweep(serverA, noRapidReview, WORKING_DAYS, CLOCK).sweep(c -> {});

        assertThat(marked).isEqualTo(1);
    }

    @Test
    void visitClock_isMarkedOverdueByTheHour_evenOnTheDayItWasDue_32() {
        // died at 08:00 yesterday: due at 08:00 today, two hours before the sweep; one who died at 11:00 yesterday
        // is due at 11:00, an hour after it
        Instant sweptAt = CLOCK.instant();
        String late = deathAtHome(sweptAt.minus(Duration.ofHours(26)));
        deathAtHome(sweptAt.minus(Duration.ofHours(23)));
        List<ReviewClock> marked = new ArrayList<>();

        int count = new OverdueClockSweep(serverA, ClockSpans.defaults(), WORKING_DAYS, CLOCK).sweep(marked::add);

        assertThat(count).isEqualTo(1);
        assertThat(marked).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(ClockKind.HOME_VISIT);
            assertThat(c.review().id()).isEqualTo(late);
        });
        assertThat(overdueEvents())
                .singleElement()
                .satisfies(d -> assertThat(d).contains("HOME_VISIT started 2026-06-14T08:00:00Z"));
    }

    private String deathAtHome(Instant died) {
        return serverA.inTransaction(em -> {
            Organisation board = new Organisation("Board " + died, OrganisationKind.LSCB, "Testshire");
            new OrganisationRepository(em).add(board);
            em.flush();
            Review r = new Review(
                    new Review.Opening(
                            ReviewType.CHILD_DEATH_REVIEW,
                            "CDR-" + died.getEpochSecond(),
                            "Baby N",
                            LeadBoardRule.derive(ReviewType.CHILD_DEATH_REVIEW, board.id(), null, null, Set.of()),
                            Set.of(),
                            new KeyDates(
                                    null, LocalDate.ofInstant(died, ReviewService.ENGLAND), null, null, null, TODAY),
                            new ChildDeath(0, false, false, true, true, false, false).at(died),
                            false),
                    "officer",
                    CLOCK.instant());
            new ReviewRepository(em).add(r);
            return r.id();
        });
    }

    private List<String> overdueEvents() {
        return serverA.read(em -> new AuditLog(em).find(null, null, null, 0, 1000)).stream()
                .filter(e -> e.action().equals("CLOCK_OVERDUE"))
                .map(e -> e.details())
                .toList();
    }

    private String scr(LocalDate notified, boolean panelNotified) {
        return serverA.inTransaction(em -> {
            Organisation board = new Organisation("Board " + notified, OrganisationKind.LSCB, "Testshire");
            new OrganisationRepository(em).add(board);
            em.flush();
            Review r = new Review(
                    new Review.Opening(
                            ReviewType.SERIOUS_CASE_REVIEW,
                            "SCR-" + notified,
                            "Child A",
                            LeadBoardRule.derive(ReviewType.SERIOUS_CASE_REVIEW, board.id(), null, null, Set.of()),
                            Set.of(),
                            new KeyDates(notified.minusDays(1), null, notified, null, null, TODAY),
                            null,
                            false),
                    "officer",
                    CLOCK.instant());
            if (panelNotified) {
                r.meetClock(ClockKind.NATIONAL_PANEL_NOTIFICATION, notified, TODAY);
            }
            new ReviewRepository(em).add(r);
            return r.id();
        });
    }
}
