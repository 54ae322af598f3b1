package org.lscb.server.document;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.lscb.exchange.store.BlobSweeper;
import org.lscb.foundation.persistence.Database;
import org.lscb.server.config.ServerConfig;

/** Sweeps the blob store at start-up (before serving) and then every hour. */
@ApplicationScoped
public class BlobSweepSchedule {

    private static final Logger LOG = Logger.getLogger(BlobSweepSchedule.class.getName());

    private ServerConfig config;
    private Database database;
    private ScheduledExecutorService executor;

    protected BlobSweepSchedule() {
    }

    @Inject
    public BlobSweepSchedule(ServerConfig config, Database database) {
        this.config = config;
        this.database = database;
    }

    public synchronized void start() {
        if (executor != null) {
            return;
        }
        sweep(true);
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "blob-sweep");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(() -> sweep(false), 1, 1, TimeUnit.HOURS);
    }

    private void sweep(boolean startingUp) {
        try {
            BlobSweeper.Swept s = new BlobSweeper(config.dataDir().resolve("blobs"))
                    .sweep(startingUp, sha -> database.read(em -> BlobSweeper.named(em, sha)), Instant.now());
            if (s.temporary() + s.orphans() > 0) {
                LOG.info(() -> "Blob sweep removed " + s.temporary() + " unfinished uploads and " + s.orphans() + " unreferenced blobs");
            }
        } catch (Exception e) {
            LOG.log(Level.WARNING, "blob sweep failed; retrying at the next run", e);
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
