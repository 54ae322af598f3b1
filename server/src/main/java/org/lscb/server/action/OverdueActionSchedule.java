package org.lscb.server.action;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.ZoneId;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;
import org.lscb.foundation.persistence.Database;
import org.lscb.server.config.ServerConfig;
import org.lscb.server.review.OverdueSweepSchedule;

/**
 * Runs the {@link OverdueActionSweep} at the overdue clocks' interval ({@code reviews.overdue-sweep.interval}), on
 * the sweeps' executor ({@link OverdueSweepSchedule#SWEEPS}), with "today" in England as for the clocks. Each
 * action it marks counts in {@code lscb_actions_overdue_total}.
 */
@ApplicationScoped
public class OverdueActionSchedule {

    private static final Logger LOG = Logger.getLogger(OverdueActionSchedule.class.getName());

    @Resource(lookup = OverdueSweepSchedule.SWEEPS)
    private ManagedScheduledExecutorService executor;

    private ServerConfig config;
    private Database database;
    private MetricRegistry metrics;
    private ScheduledFuture<?> scheduled;

    protected OverdueActionSchedule() {}

    @Inject
    public OverdueActionSchedule(
            ServerConfig config,
            Database database,
            @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE) MetricRegistry metrics) {
        this.config = config;
        this.database = database;
        this.metrics = metrics;
    }

    public synchronized void start() {
        if (scheduled != null) {
            return;
        }
        OverdueActionSweep sweep = new OverdueActionSweep(database, Clock.system(ZoneId.of("Europe/London")));
        long every = config.overdueSweepInterval().toMillis();
        metrics.counter("lscb_actions_overdue_total");
        scheduled = executor.scheduleWithFixedDelay(
                () -> {
                    try {
                        sweep.sweep(a ->
                                metrics.counter("lscb_actions_overdue_total").inc());
                    } catch (RuntimeException e) {
                        // a database outage must not end the schedule; the next run tries again
                        LOG.log(Level.WARNING, "overdue action sweep failed; retrying at the next interval", e);
                    }
                },
                Math.min(every, 2000),
                every,
                TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    synchronized void stop() {
        // the executor is the container's to shut down; only this schedule ends here
        if (scheduled != null) {
            scheduled.cancel(true);
        }
    }
}
