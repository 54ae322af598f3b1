package org.lscb.server.reviewer;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.lucene.store.FSDirectory;
import org.lscb.foundation.persistence.Database;
import org.lscb.registry.reviewer.QualificationRule;
import org.lscb.registry.reviewer.Reviewer;
import org.lscb.registry.reviewer.ReviewerRepository;
import org.lscb.registry.search.ReviewerDocument;
import org.lscb.registry.search.ReviewerHits;
import org.lscb.registry.search.ReviewerIndex;
import org.lscb.registry.search.ReviewerQuery;
import org.lscb.server.config.ServerConfig;

/**
 * The reviewer index of this server, under {@code DATA_DIR/index/reviewers}: a projection of the database
 * that records the highest version stamp it has applied. It is rebuilt when it has another format, none, or a stamp
 * above the database's; otherwise it applies the changes it missed. Afterwards it catches up after each change made
 * on this server and whenever the search feed ({@code org.lscb.server.search.SearchFeed}) sees a higher stamp in the database, made on any server.
 */
@ApplicationScoped
public class ReviewerSearch {

    private static final Logger LOG = Logger.getLogger(ReviewerSearch.class.getName());
    private static final int REBUILD_PAGE = 1000;
    private static final int CATCH_UP_PAGE = 500;

    private ServerConfig config;
    private Database database;
    private QualificationRule qualification;
    /** Opened once; searches and catch-ups then run concurrently (the index takes care of its own locking). */
    private volatile ReviewerIndex index;

    protected ReviewerSearch() {}

    @Inject
    public ReviewerSearch(ServerConfig config, Database database, QualificationRule qualification) {
        this.config = config;
        this.database = database;
        this.qualification = qualification;
    }

    /**
     * Brings the index up to date at start-up: rebuilt from the database when it has another format, none, or a stamp
     * above the database's (a database restored from an older copy under a kept index), else caught up with the
     * changes above the stamp it holds, so a current index re-adds nothing. Answers whether it rebuilt.
     */
    public synchronized boolean ensureCurrent() {
        ReviewerIndex idx = index();
        long committed = committedStamp();
        Optional<String> rebuild = idx.rebuildReason(committed);
        if (rebuild.isPresent()) {
            rebuild(idx, committed, rebuild.get());
            return true;
        }
        long from = idx.appliedStamp().getAsLong();
        long applied = catchUp(idx, committed);
        LOG.info(() -> "The reviewer index on disk was at stamp " + from + ": " + applied
                + " changes applied at start-up, now at stamp "
                + idx.appliedStamp().getAsLong());
        return false;
    }

    /**
     * Applies the changes committed on any node since this index's stamp; a cheap read of the database's stamp when
     * there are none. Rebuilds the index instead when it must be rebuilt, above all when its stamp is above the
     * database's: caught up, it would keep rows the database lacks and skip the changes up to its stamp. Called after
     * each change on this node and by the search feed ({@code org.lscb.server.search.SearchFeed}). Answers how many
     * changes it applied, none for a rebuild.
     */
    public synchronized long catchUp() {
        ReviewerIndex idx = index();
        long committed = committedStamp();
        Optional<String> rebuild = idx.rebuildReason(committed);
        if (rebuild.isPresent()) {
            rebuild(idx, committed, rebuild.get());
            return 0;
        }
        return catchUp(idx, committed);
    }

    /**
     * Catches up after a change this server has committed, so that the change is searchable when its call returns.
     * A failure here (the database gone, a file that cannot be read) is logged and left to the search feed, which
     * applies the change at its next poll: the change is committed, and its caller must be told so rather than
     * answered with an error that a retry would turn into a conflict.
     */
    public void catchUpAfterCommit() {
        try {
            catchUp();
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    e,
                    () ->
                            "could not apply a committed change to the reviewer index; the search feed applies it at its next poll");
        }
    }

    private long committedStamp() {
        return database.read(em -> new ReviewerRepository(em).indexStamp());
    }

    private long catchUp(ReviewerIndex idx, long committed) {
        if (committed == idx.appliedStamp().getAsLong()) {
            return 0;
        }
        return idx.catchUp(
                committed,
                after -> database.read(em -> new ReviewerRepository(em)
                        .changedAfter(after, CATCH_UP_PAGE).stream()
                                .map(r -> new ReviewerIndex.Change(
                                        r.indexStamp(), r.id(), ReviewerDocument.of(r, qualification)))
                                .toList()));
    }

    /**
     * Replaces the index with the database's reviewers at {@code stamp}, read before the rows: a change committed in
     * between is in the rows and applied again by the next catch-up, harmlessly.
     */
    private void rebuild(ReviewerIndex idx, long stamp, String why) {
        // an index that had a stamp was thought current: rebuilding it is news for the operator
        Level level = idx.appliedStamp().isPresent() ? Level.WARNING : Level.INFO;
        long started = System.nanoTime();
        idx.rebuild(
                java.util.stream.Stream.iterate(
                                page(null),
                                p -> !p.isEmpty(),
                                p -> page(p.get(p.size() - 1).id()))
                        .flatMap(List::stream)
                        .map(r -> ReviewerDocument.of(r, qualification)),
                stamp);
        LOG.log(
                level,
                () -> "Rebuilt the reviewer index from the database: " + idx.size() + " reviewers in "
                        + (System.nanoTime() - started) / 1_000_000 + " ms, at stamp " + stamp + ", as " + why);
    }

    private List<Reviewer> page(String afterId) {
        return database.read(em -> new ReviewerRepository(em).pageAfter(afterId, REBUILD_PAGE));
    }

    public ReviewerHits search(ReviewerQuery query) {
        return index().search(query);
    }

    private ReviewerIndex index() {
        ReviewerIndex open = index;
        return open != null ? open : openIndex();
    }

    private synchronized ReviewerIndex openIndex() {
        if (index == null) {
            Path dir = config.dataDir().resolve("index").resolve("reviewers");
            try {
                Files.createDirectories(dir);
                index = ReviewerIndex.open(FSDirectory.open(dir));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open the reviewer index at " + dir, e);
            }
        }
        return index;
    }

    @PreDestroy
    synchronized void close() {
        if (index != null) {
            index.close();
            index = null;
        }
    }
}
