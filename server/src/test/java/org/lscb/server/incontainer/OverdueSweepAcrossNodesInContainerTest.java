package org.lscb.server.incontainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lscb.server.incontainer.InContainerWorld.auditChainValid;
import static org.lscb.server.incontainer.InContainerWorld.strings;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lscb.foundation.persistence.Database;
import org.lscb.identity.organisation.OrganisationKind;
import org.lscb.reviews.ClockKind;
import org.lscb.reviews.ClockSpans;
import org.lscb.reviews.KeyDates;
import org.lscb.reviews.LeadBoardRule;
import org.lscb.reviews.Review;
import org.lscb.reviews.ReviewRepository;
import org.lscb.reviews.ReviewType;
import org.lscb.reviews.clock.WorkingDays;
import org.lscb.server.config.ServerConfig;
import org.lscb.server.review.OverdueClockSweep;

/**
 * Two servers over one database sweep for overdue clocks at the same moment: node A is the application's own
 * persistence unit and pool, node B a second unit over a second pool to the same database, as another server of the
 * deployment would have. Each overdue clock is marked once and audited once, whichever node gets it.
 * The sweeps run on a day a year ahead, with reviews made overdue by then: the application's own sweep (today)
 * has nothing of these to mark, so only the two nodes race for them.
 */
@ExtendWith(ArquillianExtension.class)
class OverdueSweepAcrossNodesInContainerTest {

    private static final int OVERDUE_REVIEWS = 12;
    private static final LocalDate DAY = LocalDate.now(InContainerWorld.ENGLAND).plusYears(1);
    private static final Clock AT_TEN = Clock.fixed(DAY.atTime(10, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);

    @Deployment
    public static WebArchive deployment() {
        return InContainerDeployment.shared();
    }

    @Inject
    Database nodeA;

    @Inject
    HikariDataSource dataSource;

    @Inject
    ServerConfig config;

    @Inject
    ClockSpans spans;

    @Inject
    WorkingDays workingDays;

    @Test
    void twoNodesSweepingOneDatabaseAtOnce_markEachOverdueClockOnce_andAuditItOnce() throws Exception {
        String board = InContainerWorld.organisation(nodeA, OrganisationKind.LSCB);
        Set<String> overdue = new HashSet<>();
        for (int i = 0; i < OVERDUE_REVIEWS; i++) {
            // notified 60 days before: the SCR decision (1 month) and the rapid review (15 working days) are overdue
            overdue.add(scr(board, DAY.minusDays(60)));
        }
        String notYet = scr(board, DAY.minusDays(3));
        Set<String> ours = new HashSet<>(overdue);
        ours.add(notYet);

        try (HikariDataSource poolB = secondPool();
                Database nodeB = Database.open(poolB)) {
            assertThat(factoryOf(nodeB)).isNotSameAs(factoryOf(nodeA));

            List<String> marked = new CopyOnWriteArrayList<>();
            List<Integer> perNode = sweepAtOnce(List.of(nodeA, nodeB), ours, marked);

            assertThat(marked).hasSize(2 * OVERDUE_REVIEWS).doesNotHaveDuplicates();
            assertThat(marked).containsExactlyInAnyOrderElementsOf(expectedMarks(overdue));
            assertThat(perNode.get(0) + perNode.get(1)).isGreaterThanOrEqualTo(2 * OVERDUE_REVIEWS);
            List<String> audited = overdueAuditEntries(ours);
            assertThat(audited).hasSize(2 * OVERDUE_REVIEWS).doesNotHaveDuplicates();
            assertThat(audited).containsExactlyInAnyOrderElementsOf(expectedMarks(overdue));
            assertThat(strings(
                            dataSource,
                            "SELECT COUNT(*) FROM review_clock WHERE review_id = ? AND overdue_marked_at IS NOT NULL",
                            notYet))
                    .containsExactly("0");
            assertThat(auditChainValid(nodeA)).isTrue();

            // both nodes again: nothing of these is marked a second time
            List<String> again = new CopyOnWriteArrayList<>();
            sweepAtOnce(List.of(nodeA, nodeB), ours, again);
            assertThat(again).isEmpty();
            assertThat(overdueAuditEntries(ours)).hasSize(2 * OVERDUE_REVIEWS);
        }
    }

    /** Starts one sweep on each node together; answers each node's count, and adds "review kind" of each of ours marked. */
    private List<Integer> sweepAtOnce(List<Database> nodes, Set<String> ours, List<String> marked) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(nodes.size());
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (Database node : nodes) {
                OverdueClockSweep sweep = new OverdueClockSweep(node, spans, workingDays, AT_TEN);
                runs.add(pool.submit(() -> {
                    go.await();
                    return sweep.sweep(c -> {
                        if (ours.contains(c.review().id())) {
                            marked.add(c.review().id() + " " + c.kind());
                        }
                    });
                }));
            }
            go.countDown();
            List<Integer> counts = new ArrayList<>();
            for (Future<Integer> run : runs) {
                counts.add(run.get(120, TimeUnit.SECONDS));
            }
            return counts;
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<String> expectedMarks(Set<String> overdue) {
        List<String> expected = new ArrayList<>();
        for (String id : overdue) {
            expected.add(id + " " + ClockKind.SCR_DECISION);
            expected.add(id + " " + ClockKind.RAPID_REVIEW);
        }
        return expected;
    }

    /** "review kind" of each CLOCK_OVERDUE audit entry of these reviews. */
    private List<String> overdueAuditEntries(Set<String> reviews) {
        List<String> out = new ArrayList<>();
        for (String id : reviews) {
            for (String details : strings(
                    dataSource,
                    "SELECT details FROM audit_entry WHERE review_id = ? AND action = 'CLOCK_OVERDUE'",
                    id)) {
                assertThat(details).endsWith("is overdue on " + DAY);
                out.add(id + " " + details.substring(0, details.indexOf(' ')));
            }
        }
        return out;
    }

    /** An open SCR of the board, notified on {@code notified}, the national panel told in time (that clock is met). */
    private String scr(String board, LocalDate notified) {
        return nodeA.inTransaction(em -> {
            Review r = new Review(
                    new Review.Opening(
                            ReviewType.SERIOUS_CASE_REVIEW,
                            "IC-SWEEP-" + java.util.UUID.randomUUID(),
                            "Child B",
                            LeadBoardRule.derive(ReviewType.SERIOUS_CASE_REVIEW, board, null, null, Set.of()),
                            Set.of(),
                            new KeyDates(notified.minusDays(1), null, notified, null, null, DAY),
                            null,
                            false),
                    "officer",
                    AT_TEN.instant());
            r.meetClock(ClockKind.NATIONAL_PANEL_NOTIFICATION, notified, DAY);
            new ReviewRepository(em).add(r);
            return r.id();
        });
    }

    /** Node B's pool: the same database as the application's, opened as another server would open it. */
    private HikariDataSource secondPool() {
        HikariConfig c = new HikariConfig();
        c.setPoolName("lscb-node-b");
        c.setJdbcUrl(config.dbUrl());
        c.setUsername(config.dbUser());
        c.setPassword(config.dbPassword());
        c.setMaximumPoolSize(4);
        c.setDriverClassName(config.embeddedDatabase() ? "org.h2.Driver" : "org.postgresql.Driver");
        return new HikariDataSource(c);
    }

    private static Object factoryOf(Database node) {
        return node.read(em -> em.getEntityManagerFactory().unwrap(org.eclipse.persistence.sessions.Session.class));
    }
}
