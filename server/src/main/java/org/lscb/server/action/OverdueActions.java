package org.lscb.server.action;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.ZoneId;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;
import org.lscb.foundation.persistence.Database;
import org.lscb.server.review.OverdueSweepStep;

/**
 * The {@link OverdueActionSweep} as a step of the overdue sweep's schedule ({@code OverdueSweepSchedule}, at
 * {@code reviews.overdue-sweep.interval}), with "today" in England as for the clocks; each action it marks counts
 * in {@code lscb_actions_overdue_total}.
 */
@ApplicationScoped
public class OverdueActions implements OverdueSweepStep {

    private OverdueActionSweep sweep;
    private MetricRegistry metrics;

    protected OverdueActions() {}

    @Inject
    public OverdueActions(
            Database database, @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE) MetricRegistry metrics) {
        this.sweep = new OverdueActionSweep(database, Clock.system(ZoneId.of("Europe/London")));
        this.metrics = metrics;
    }

    @Override
    public void sweep() {
        metrics.counter("lscb_actions_overdue_total");
        sweep.sweep(a -> metrics.counter("lscb_actions_overdue_total").inc());
    }
}
