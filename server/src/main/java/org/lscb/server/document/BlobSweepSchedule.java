package org.lscb.server.document;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
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
 * hour, on the sweeps' managed scheduled executor. The start-up sweep is this node's own (it removes only what this
 * node staged, {@code BlobSweeper#sweepIncoming}); the hourly sweep of the store the nodes share runs once per hour
 * across the service, on the node that takes its {@link SweepTurn} ({@link #TURN}).
 */
@ApplicationScoped
public class BlobSweepSchedule {

    private static final Logger LOG = Logger.getLogger(BlobSweepSchedule.class.getName());

    /** The hourly sweep's row in {@code deployment_setting}: when it last ran, on whichever node. */
    public static final String TURN = "blob-sweep.last-run";

    /** How often the store is swept across the service. */
    public static final Duration EVERY = Duration.ofHours(1);

    @Resource(lookup = OverdueSweepSchedule.SWEEPS)
    private ManagedScheduledExecutorService executor;

    private DocumentBlobs blobs;
    private Database database;
    private SweepTurn turn;
    private ScheduledFuture<?> scheduled;

    protected BlobSweepSchedule() {}

    @Inject
    public BlobSweepSchedule(DocumentBlobs blobs, Database database) {
        this.blobs = blobs;
        this.database = database;
        this.turn = new SweepTurn(database, TURN, EVERY);
    }

    public synchronized void start() {
        if (scheduled != null) {
            return;
        }
        sweep(true);
        scheduled =
                executor.scheduleWithFixedDelay(this::hourly, EVERY.toMinutes(), EVERY.toMinutes(), TimeUnit.MINUTES);
    }

    /** The hourly sweep, when it is this node's turn (another node may have swept within the hour). */
    private void hourly() {
        try {
            if (turn.take(Instant.now())) {
                sweep(false);
            }
        } catch (RuntimeException e) {
            // a database outage must not end the schedule; the next run tries again
            LOG.log(Level.WARNING, "blob sweep could not take its turn; retrying at the next run", e);
        }
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
