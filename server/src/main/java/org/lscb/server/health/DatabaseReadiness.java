package org.lscb.server.health;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.lscb.server.persistence.Storage;
import org.lscb.server.startup.StartupSequence;

/** Ready only when start-up has finished and the database answers now. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    private Instance<HikariDataSource> dataSource;
    private StartupSequence startup;

    protected DatabaseReadiness() {}

    @Inject
    public DatabaseReadiness(Instance<HikariDataSource> dataSource, StartupSequence startup) {
        this.dataSource = dataSource;
        this.startup = startup;
    }

    @Override
    public HealthCheckResponse call() {
        boolean started = startup.finished();
        // the pool is looked up only once start-up has opened it, never by an early probe
        boolean database = started && Storage.answers(dataSource.get());
        return HealthCheckResponse.named("database")
                .status(started && database)
                .withData("started", started)
                .withData("database", database)
                .build();
    }
}
