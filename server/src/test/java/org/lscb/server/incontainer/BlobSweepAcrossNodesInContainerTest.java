package org.lscb.server.incontainer;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lscb.foundation.persistence.Database;
import org.lscb.server.config.ServerConfig;
import org.lscb.server.document.BlobSweepSchedule;
import org.lscb.server.document.SweepTurn;

/**
 * Two servers over one database schedule the hourly blob sweep at the same moments: node A is the application's own
 * persistence unit and pool, node B a second unit over a second pool to the same database, as another server of the
 * deployment would have (as in {@link OverdueSweepAcrossNodesInContainerTest}). Each time the sweep is due exactly one
 * node takes its turn and sweeps; within the hour after, neither does. Each run of the test has a sweep row of its own,
 * so the application's own schedule and other runs do not take its turns.
 */
@ExtendWith(ArquillianExtension.class)
class BlobSweepAcrossNodesInContainerTest {

    private static final Instant START = Instant.parse("2031-03-04T10:00:00Z");

    @Deployment
    public static WebArchive deployment() {
        return InContainerDeployment.shared();
    }

    @Inject
    Database nodeA;

    @Inject
    ServerConfig config;

    @Test
    void twoNodesDueAtOnce_sweepOncePerHourBetweenThem() throws Exception {
        String row = "blob-sweep.last-run.test-" + UUID.randomUUID();
        try (HikariDataSource poolB = secondPool();
                Database nodeB = Database.open(poolB)) {
            List<SweepTurn> nodes = List.of(
                    new SweepTurn(nodeA, row, BlobSweepSchedule.EVERY),
                    new SweepTurn(nodeB, row, BlobSweepSchedule.EVERY));

            // the first time ever (the row is made by whichever node comes first), then each hour for a day
            for (int hour = 0; hour < 24; hour++) {
                Instant due = START.plus(BlobSweepSchedule.EVERY.multipliedBy(hour));
                assertThat(sweepsAtOnce(nodes, due)).as("sweeps due at %s", due).isEqualTo(1);
                Instant halfAnHourOn = due.plus(BlobSweepSchedule.EVERY.dividedBy(2));
                assertThat(sweepsAtOnce(nodes, halfAnHourOn))
                        .as("sweeps at %s", halfAnHourOn)
                        .isZero();
            }
        }
    }

    /** Both nodes ask for the turn together, as their schedules would at the same moment: how many swept. */
    private static int sweepsAtOnce(List<SweepTurn> nodes, Instant now) throws Exception {
        AtomicInteger swept = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(nodes.size());
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (SweepTurn node : nodes) {
                runs.add(pool.submit(() -> {
                    go.await();
                    if (node.take(now)) {
                        swept.incrementAndGet();
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> run : runs) {
                run.get(120, TimeUnit.SECONDS);
            }
            return swept.get();
        } finally {
            pool.shutdownNow();
        }
    }

    /** Node B's pool: the same database as the application's, opened as another server would open it. */
    private HikariDataSource secondPool() {
        HikariConfig c = new HikariConfig();
        c.setPoolName("lscb-node-b-blobs");
        c.setJdbcUrl(config.dbUrl());
        c.setUsername(config.dbUser());
        c.setPassword(config.dbPassword());
        c.setMaximumPoolSize(4);
        c.setDriverClassName(config.embeddedDatabase() ? "org.h2.Driver" : "org.postgresql.Driver");
        return new HikariDataSource(c);
    }
}
