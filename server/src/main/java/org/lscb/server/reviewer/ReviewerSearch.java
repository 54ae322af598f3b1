package org.lscb.server.reviewer;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
 * that records the highest version stamp it has applied. At start-up it is rebuilt only when it has another
 * format or none; otherwise it applies the changes it missed. Afterwards it catches up after each change made
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
    /** Opened once; searches and upserts then run concurrently (the index takes care of its own locking). */
    private volatile ReviewerIndex index;

    protected ReviewerSearch() {}

    @Inject
    public ReviewerSearch(ServerConfig config, Database database, QualificationRule qualification) {
        this.config = config;
        this.database = database;
        this.qualification = qualification;
    }

    /**
     * Brings the index up to date at start-up: rebuilt from the database when it has another format or none, else
     * caught up with the changes above the stamp it holds, so a current index re-adds nothing. Answers whether it
     * rebuilt.
     */
    public synchronized boolean ensureCurrent() {
        ReviewerIndex idx = index();
        if (idx.appliedStamp().isPresent()) {
            long from = idx.appliedStamp().getAsLong();
            long applied = catchUp();
            LOG.info(() -> "The reviewer index on disk was at stamp " + from + ": " + applied
                    + " changes applied at start-up, now at stamp "
                    + idx.appliedStamp().getAsLong());
            return false;
        }
        long started = System.nanoTime();
        // the stamp before the rows: a change committed in between is in the rows and applied again, harmlessly
        long stamp = database.read(em -> new ReviewerRepository(em).indexStamp());
        idx.rebuild(
                java.util.stream.Stream.iterate(
                                page(null),
                                p -> !p.isEmpty(),
                                p -> page(p.get(p.size() - 1).id()))
                        .flatMap(List::stream)
                        .map(r -> ReviewerDocument.of(r, qualification)),
                stamp);
        LOG.info(() -> "Rebuilt the reviewer index from the database: " + idx.size() + " reviewers in "
                + (System.nanoTime() - started) / 1_000_000 + " ms, at stamp " + stamp);
        return true;
    }

    private List<Reviewer> page(String afterId) {
        return database.read(em -> new ReviewerRepository(em).pageAfter(afterId, REBUILD_PAGE));
    }

    /**
     * Applies the changes committed on any node since this index's stamp; a cheap read of the database's stamp when
     * there are none. Called after each change on this node and by the search feed ({@code org.lscb.server.search.SearchFeed}). Answers how many it
     * applied.
     */
    public synchronized long catchUp() {
        ReviewerIndex idx = index();
        long committed = database.read(em -> new ReviewerRepository(em).indexStamp());
        if (committed <= idx.appliedStamp().orElse(Long.MAX_VALUE)) {
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

    /** The highest version stamp the index has applied, or -1 before it is built. */
    public long appliedStamp() {
        return index().appliedStamp().orElse(-1);
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
