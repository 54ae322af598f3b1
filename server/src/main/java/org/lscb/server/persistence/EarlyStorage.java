package org.lscb.server.persistence;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.lscb.foundation.persistence.Database;
import org.lscb.server.config.ServerConfig;

/**
 * Starts opening the database (pool, Flyway migrations, JPA) on its own thread as soon as CDI
 * begins, so that this work overlaps with the container's own start-up instead of following it.
 * {@link Storage} takes the result; a failure surfaces there and stops the start-up as before.
 */
public class EarlyStorage implements Extension {

    /** What the early thread opened. */
    record Opened(HikariDataSource dataSource, Database database) {
    }

    private static volatile CompletableFuture<Opened> opening;

    void begin(@Observes BeforeBeanDiscovery event) {
        ClassLoader application = Thread.currentThread().getContextClassLoader();
        CompletableFuture<Opened> future = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            Thread.currentThread().setContextClassLoader(application);
            try {
                ServerConfig config = ServerConfig.load();
                HikariDataSource ds = Storage.openPool(config);
                try {
                    ApplicationSchema.migrate(ds);
                    future.complete(new Opened(ds, Database.open(ds)));
                } catch (RuntimeException | Error e) {
                    ds.close();
                    throw e;
                }
            } catch (Throwable t) {
                future.completeExceptionally(t);
            }
        }, "lscb-open-database");
        worker.setDaemon(true);
        opening = future;
        worker.start();
    }

    /** The early result, or null when no early start happened (then {@link Storage} opens by itself). */
    static Opened take() {
        CompletableFuture<Opened> f = opening;
        if (f == null) {
            return null;
        }
        opening = null;
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw e;
        }
    }
}
