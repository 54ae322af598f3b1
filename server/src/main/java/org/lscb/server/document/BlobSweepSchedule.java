package org.lscb.server.document;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.lscb.exchange.store.BlobSweeper;
import org.lscb.foundation.persistence.Database;
import org.lscb.server.review.OverdueSweepSchedule;

/**
 * Sweeps the blob store (unfinished uploads, blobs no document names) at start-up (before serving) and then every
 * hour, on the sweeps' managed scheduled executor.
 */
@ApplicationScoped
public class BlobSweepSchedule {

    private static final Logger LOG = Logger.getLogger(BlobSweepSchedule.class.getName());

    @Resource(lookup = OverdueSweepSchedule.SWEEPS)
    private ManagedScheduledExecutorService executor;

    private DocumentBlobs blobs;
    private Database database;
    private ScheduledFuture<?> scheduled;

    protected BlobSweepSchedule() {}

    @Inject
    public BlobSweepSchedule(DocumentBlobs blobs, Database database) {
        this.blobs = blobs;
        this.database = database;
    }

    public synchronized void start() {
        if (scheduled != null) {
            return;
        }
        sweep(true);
        scheduled = executor.scheduleWithFixedDelay(() -> sweep(false), 1, 1, TimeUnit.HOURS);
    }

    private void sweep(boolean startingUp) {
        try {
            BlobSweeper.Swept s = blobs.store()
                    .sweep(startingUp, sha -> database.read(em -> BlobSweeper.named(em, sha)), Instant.now());
            if (s.temporary() + s.orphans() > 0) {
                LOG.info(() -> "Blob sweep removed " + s.temporary() + " unfinished uploads and " + s.orphans()
                        + " unreferenced blobs");
            }
        } catch (Exception e) {
            LOG.log(Level.WARNING, "blob sweep failed; retrying at the next run", e);
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
