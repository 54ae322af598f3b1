package org.lscb.server.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
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
import org.lscb.reviews.KeyDates;
import org.lscb.reviews.LeadBoardRule;
import org.lscb.reviews.Review;
import org.lscb.reviews.ReviewRepository;
import org.lscb.reviews.ReviewType;
import org.lscb.reviews.action.ActionStateRule;
import org.lscb.reviews.action.ActionStatus;
import org.lscb.reviews.action.ImprovementAction;
import org.lscb.reviews.action.ImprovementActionRepository;
import org.lscb.server.persistence.ApplicationSchema;

/**
 * The overdue action sweep marks each action past its due day and still owed exactly once, with one audit entry,
 * even when two servers sweep at once; done and not-yet-due actions are left alone [11, 19]. The clock is fixed.
 */
class OverdueActionSweepTest {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-15T10:00:00Z"), ZoneOffset.UTC);

    private Database serverA;
    private Database serverB;

    @BeforeEach
    void open() {
        DataSource dataSource = TestDataSources.fresh();
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
    void twoServersSweepingAtOnce_markEachOverdueActionOnce_andLeaveTheRestAlone() throws Exception {
        String late = action(TODAY.minusDays(1), ActionStatus.IN_PROGRESS);
        action(TODAY, ActionStatus.NOT_STARTED); // due today: not overdue yet
        action(TODAY.minusDays(10), ActionStatus.DONE); // done late: no longer owed
        List<ImprovementAction> marked = new CopyOnWriteArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService two = Executors.newFixedThreadPool(2);
        List<Future<Integer>> runs = new ArrayList<>();
        for (Database server : List.of(serverA, serverB)) {
            OverdueActionSweep sweep = new OverdueActionSweep(server, CLOCK);
            runs.add(two.submit(() -> {
                go.await();
                return sweep.sweep(marked::add);
            }));
        }
        go.countDown();
        int total = runs.get(0).get(60, TimeUnit.SECONDS) + runs.get(1).get(60, TimeUnit.SECONDS);
        two.shutdown();

        assertThat(total).isEqualTo(1);
        assertThat(marked).extracting(ImprovementAction::id).containsExactly(late);
        assertThat(overdueEvents()).singleElement().asString().contains("is overdue on " + TODAY);
        assertThat(serverA.read(em -> new AuditLog(em).verify()).valid()).isTrue();
        assertThat(new OverdueActionSweep(serverA, CLOCK).sweep(a -> {}))
                .as("a second sweep")
                .isZero();
        assertThat(serverA.read(em -> new ImprovementActionRepository(em).byId(late))
                        .orElseThrow()
                        .overdueMarkedAt())
                .isPresent();
    }

    private List<String> overdueEvents() {
        return serverA.read(em -> new AuditLog(em).find(null, null, null, 0, 1000)).stream()
                .filter(e -> e.action().equals("ACTION_OVERDUE"))
                .map(e -> e.details())
                .toList();
    }

    private String action(LocalDate due, ActionStatus status) {
        return serverA.inTransaction(em -> {
            OrganisationRepository orgs = new OrganisationRepository(em);
            Organisation board =
                    new Organisation("Board " + java.util.UUID.randomUUID(), OrganisationKind.LSCB, "Testshire");
            orgs.add(board);
            em.flush();
            Review r = new Review(
                    new Review.Opening(
                            ReviewType.MANAGEMENT_REVIEW,
                            "MR-" + due + "-" + status,
                            "Child A",
                            LeadBoardRule.derive(ReviewType.MANAGEMENT_REVIEW, board.id(), null, null, Set.of()),
                            Set.of(),
                            new KeyDates(null, null, TODAY.minusMonths(6), null, null, TODAY),
                            null,
                            false),
                    "officer",
                    CLOCK.instant());
            new ReviewRepository(em).add(r);
            ImprovementAction a = new ImprovementAction(
                    r,
                    new ImprovementAction.Plan("Share early", board.id(), "Train staff", due),
                    Set.of(),
                    "officer",
                    CLOCK.instant(),
                    TODAY);
            if (status != ActionStatus.NOT_STARTED) {
                a.report(
                        new ImprovementAction.Progress(
                                status, null, null, status == ActionStatus.DONE ? "Audited" : null),
                        ActionStateRule.Mover.OWNER,
                        "agency",
                        CLOCK.instant());
            }
            new ImprovementActionRepository(em).add(a);
            return a.id();
        });
    }
}
