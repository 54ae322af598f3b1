package org.lscb.server.search;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorDefinition;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;
import org.lscb.server.config.ServerConfig;
import org.lscb.server.index.SearchChangeSignal;
import org.lscb.server.library.ReportLibrary;
import org.lscb.server.persistence.DatabaseUnreachable;
import org.lscb.server.reviewer.ReviewerSearch;

/**
 * The change feed that keeps this server's search indexes (the reviewer register's and the library's) current with
 * changes made on any server sharing the database. Every change an index must see takes a version stamp in its own
 * transaction; at each interval ({@code SEARCH_FEED_INTERVAL}, half a second unless set) this reads the database's
 * highest stamp for each index, one row each, and when it is above the index's own, applies the changes above it in
 * stamp order ({@link ReviewerSearch#catchUp}, {@link ReportLibrary#catchUp}). The poll is the feed on H2 and
 * PostgreSQL, with one server or several, and a server that was down or missed a poll catches up from the stamps,
 * so nothing depends on a message arriving. With a data grid, a change committed on another node is also announced
 * on the grid ({@link SearchChangeSignal}), and the index it names is caught up at once rather than at the next poll.
 * Changes applied count in {@code lscb_search_changes_applied_total}.
 */
@ApplicationScoped
@ManagedScheduledExecutorDefinition(name = SearchFeed.EXECUTOR, maxAsync = 1)
public class SearchFeed {

    /** The feed's own managed scheduled executor: a slow catch-up never holds up the sweeps or request threads. */
    public static final String EXECUTOR = "java:app/concurrent/SearchFeed";

    private static final Logger LOG = Logger.getLogger(SearchFeed.class.getName());

    @Resource(lookup = EXECUTOR)
    private ManagedScheduledExecutorService executor;

    private ServerConfig config;
    private ReviewerSearch reviewers;
    private ReportLibrary library;
    private MetricRegistry metrics;
    private SearchChangeSignal signal;
    private ScheduledFuture<?> scheduled;
    /** One announced catch-up waiting per index at most, however many announcements arrive meanwhile. */
    private final AtomicBoolean reviewersDue = new AtomicBoolean();

    private final AtomicBoolean libraryDue = new AtomicBoolean();

    protected SearchFeed() {}

    @Inject
    public SearchFeed(
            ServerConfig config,
            ReviewerSearch reviewers,
            ReportLibrary library,
            @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE) MetricRegistry metrics,
            SearchChangeSignal signal) {
        this.config = config;
        this.reviewers = reviewers;
        this.library = library;
        this.metrics = metrics;
        this.signal = signal;
    }

    public synchronized void start() {
        if (scheduled != null) {
            return;
        }
        long every = config.searchFeedInterval().toMillis();
        metrics.counter("lscb_search_changes_applied_total");
        scheduled = executor.scheduleWithFixedDelay(this::poll, every, every, TimeUnit.MILLISECONDS);
        signal.onAnnouncement(this::announced);
    }

    /** Another node committed a change to {@code index}: catch that index up on the feed's executor, once. */
    private void announced(String index) {
        if (SearchChangeSignal.REVIEWERS.equals(index)) {
            soon(reviewersDue, "reviewer index", reviewers::catchUp);
        } else if (SearchChangeSignal.LIBRARY.equals(index)) {
            soon(libraryDue, "library's index", library::catchUp);
        }
    }

    private void soon(AtomicBoolean due, String index, LongSupplier catchUp) {
        if (due.compareAndSet(false, true)) {
            try {
                executor.execute(() -> {
                    due.set(false);
                    catchUp(index, catchUp);
                });
            } catch (RuntimeException e) {
                // refused (the application stopping): the next announcement may try again, and the poll repairs
                due.set(false);
                LOG.log(Level.FINE, e, () -> "could not hand on a signalled catch-up of the " + index);
            }
        }
    }

    private void poll() {
        catchUp("reviewer index", reviewers::catchUp);
        catchUp("library's index", library::catchUp);
    }

    /**
     * One index's catch-up, on its own: a failure of one index leaves the other current. The next poll catches up from
     * the stamps, so a failure is only logged: at FINE while the database cannot be reached (the outage is reported
     * by {@code /health/ready}, docs/operations.md "The database going away", and each poll would else log a stack
     * trace), as a WARNING otherwise.
     */
    private void catchUp(String index, LongSupplier catchUp) {
        try {
            long applied = catchUp.getAsLong();
            if (applied > 0) {
                metrics.counter("lscb_search_changes_applied_total").inc(applied);
            }
        } catch (RuntimeException e) {
            if (DatabaseUnreachable.causes(e)) {
                LOG.log(
                        Level.FINE,
                        e,
                        () -> "the search feed cannot reach the database for the " + index
                                + "; retrying at the next interval");
            } else {
                LOG.log(
                        Level.WARNING,
                        e,
                        () -> "the search feed could not catch the " + index + " up; retrying at the next interval");
            }
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (scheduled != null) {
            scheduled.cancel(true);
        }
    }
}
