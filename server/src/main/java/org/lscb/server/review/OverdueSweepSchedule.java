package org.lscb.server.review;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;
import org.lscb.foundation.persistence.Database;
import org.lscb.reviews.ClockSpans;
import org.lscb.reviews.clock.WorkingDays;
import org.lscb.server.config.ServerConfig;

/** Runs the {@link OverdueClockSweep} on one background thread at the configured interval. */
@ApplicationScoped
public class OverdueSweepSchedule {

    private static final Logger LOG = Logger.getLogger(OverdueSweepSchedule.class.getName());

    private ServerConfig config;
    private Database database;
    private ClockSpans spans;
    private WorkingDays workingDays;
    private MetricRegistry metrics;
    private ScheduledExecutorService executor;

    protected OverdueSweepSchedule() {
    }

    @Inject
    public OverdueSweepSchedule(ServerConfig config, Database database, ClockSpans spans, WorkingDays workingDays,
                                @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE) MetricRegistry metrics) {
        this.config = config;
        this.database = database;
        this.spans = spans;
        this.workingDays = workingDays;
        this.metrics = metrics;
    }

    public synchronized void start() {
        if (executor != null) {
            return;
        }
        OverdueClockSweep sweep = new OverdueClockSweep(database, spans, workingDays, Clock.system(ReviewService.ENGLAND));
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "overdue-clock-sweep");
            t.setDaemon(true);
            return t;
        });
        long every = config.overdueSweepInterval().toMillis();
        metrics.counter("lscb_clocks_overdue_total");
        executor.scheduleWithFixedDelay(() -> {
            try {
                sweep.sweep(c -> metrics.counter("lscb_clocks_overdue_total").inc());
            } catch (RuntimeException e) {
                // a database outage must not end the schedule; the next run tries again
                LOG.log(Level.WARNING, "overdue clock sweep failed; retrying at the next interval", e);
            }
        }, Math.min(every, 2000), every, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
