package org.lscb.server.review;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorDefinition;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;
import org.lscb.foundation.persistence.Database;
import org.lscb.reviews.ClockSpans;
import org.lscb.reviews.clock.WorkingDays;
import org.lscb.server.config.ServerConfig;

/**
 * Runs the {@link OverdueClockSweep}, then each {@link OverdueSweepStep} (the actions of action plans), at the configured interval on the sweeps' managed scheduled executor.
 * The sweeps (this and the blob store's) have an executor of their own, so a slow sweep, one waiting out a
 * database outage say, never holds up the delayed sign-in answers on the server's default one. Each finished
 * sweep counts in {@code lscb_overdue_sweeps_total}, whether or not it marked a clock.
 */
@ApplicationScoped
@ManagedScheduledExecutorDefinition(name = OverdueSweepSchedule.SWEEPS, maxAsync = 2)
public class OverdueSweepSchedule {

    /** The managed scheduled executor of the background sweeps: one thread each for the overdue and the blob sweep. */
    public static final String SWEEPS = "java:app/concurrent/Sweeps";

    private static final Logger LOG = Logger.getLogger(OverdueSweepSchedule.class.getName());

    @Resource(lookup = SWEEPS)
    private ManagedScheduledExecutorService executor;

    private ServerConfig config;
    private Database database;
    private ClockSpans spans;
    private WorkingDays workingDays;
    private MetricRegistry metrics;
    private Instance<OverdueSweepStep> steps;
    private ScheduledFuture<?> scheduled;

    protected OverdueSweepSchedule() {}

    @Inject
    public OverdueSweepSchedule(
            ServerConfig config,
            Database database,
            ClockSpans spans,
            WorkingDays workingDays,
            @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE) MetricRegistry metrics,
            Instance<OverdueSweepStep> steps) {
        this.config = config;
        this.database = database;
        this.spans = spans;
        this.workingDays = workingDays;
        this.metrics = metrics;
        this.steps = steps;
    }

    public synchronized void start() {
        if (scheduled != null) {
            return;
        }
        OverdueClockSweep sweep =
                new OverdueClockSweep(database, spans, workingDays, Clock.system(ReviewService.ENGLAND));
        long every = config.overdueSweepInterval().toMillis();
        metrics.counter("lscb_clocks_overdue_total");
        metrics.counter("lscb_overdue_sweeps_total");
        scheduled = executor.scheduleWithFixedDelay(
                () -> {
                    try {
                        sweep.sweep(c ->
                                metrics.counter("lscb_clocks_overdue_total").inc());
                        steps.forEach(this::runStep);
                        metrics.counter("lscb_overdue_sweeps_total").inc();
                    } catch (RuntimeException e) {
                        // a database outage must not end the schedule; the next run tries again
                        LOG.log(Level.WARNING, "overdue clock sweep failed; retrying at the next interval", e);
                    }
                },
                Math.min(every, 2000),
                every,
                TimeUnit.MILLISECONDS);
    }

    private void runStep(OverdueSweepStep step) {
        try {
            step.sweep();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "overdue sweep step failed; retrying at the next interval", e);
        }
    }

    @PreDestroy
    synchronized void stop() {
        // the executor is the container's to shut down; only this schedule ends here
        if (scheduled != null) {
            scheduled.cancel(true);
        }
    }
}
