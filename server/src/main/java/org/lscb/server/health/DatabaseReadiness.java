package org.lscb.server.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.lscb.server.persistence.GatedDataSource;
import org.lscb.server.startup.StartupSequence;

/**
 * Ready only when start-up has finished and the database answers now; when not, {@code reason} says why. The check goes
 * through {@link GatedDataSource}, so during an outage it answers at once (or after the pool's connection timeout when
 * it is the one caller trying) with the time the outage began and the kind of failure: an exception's class name, never
 * its message, which would name the database's host to anyone (docs/operations.md "The database going away").
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    private Instance<GatedDataSource> dataSource;
    private StartupSequence startup;

    protected DatabaseReadiness() {}

    @Inject
    public DatabaseReadiness(Instance<GatedDataSource> dataSource, StartupSequence startup) {
        this.dataSource = dataSource;
        this.startup = startup;
    }

    @Override
    public HealthCheckResponse call() {
        boolean started = startup.finished();
        HealthCheckResponseBuilder answer =
                HealthCheckResponse.named("database").withData("started", started);
        if (!started) {
            // the pool is looked up only once start-up has opened it, never by an early probe
            return answer.down()
                    .withData("database", false)
                    .withData("reason", "starting")
                    .build();
        }
        GatedDataSource ds = dataSource.get();
        boolean database = ds.answers();
        answer.status(database).withData("database", database);
        if (database) {
            return answer.build();
        }
        Optional<GatedDataSource.Outage> outage = ds.outage();
        if (outage.isEmpty()) {
            return answer.withData("reason", "the database did not answer in time")
                    .build();
        }
        return answer.withData("reason", "the database is unreachable")
                .withData("unreachableSince", outage.get().since().toString())
                .withData("failure", outage.get().failure())
                .build();
    }
}
