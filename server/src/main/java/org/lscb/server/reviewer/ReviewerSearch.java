package org.lscb.server.reviewer;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
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
 * The reviewer index of this server, under {@code DATA_DIR/index/reviewers}: rebuilt from the
 * database at start-up when missing or stale, then kept current after each committed change.
 */
@ApplicationScoped
public class ReviewerSearch {

    private static final Logger LOG = Logger.getLogger(ReviewerSearch.class.getName());
    private static final int REBUILD_PAGE = 1000;

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

    /** Opens the index and rebuilds it when it does not match the database; answers whether it rebuilt. */
    public synchronized boolean ensureCurrent() {
        ReviewerIndex idx = index();
        long count = database.read(em -> new ReviewerRepository(em).count());
        Instant latest =
                database.read(em -> new ReviewerRepository(em).latestChange()).orElse(null);
        if (!idx.isStale(count, latest)) {
            return false;
        }
        long started = System.nanoTime();
        idx.rebuild(java.util.stream.Stream.iterate(
                        page(null),
                        p -> !p.isEmpty(),
                        p -> page(p.get(p.size() - 1).id()))
                .flatMap(List::stream)
                .map(r -> ReviewerDocument.of(r, qualification)));
        LOG.info(() -> "Rebuilt the reviewer index from the database: " + idx.size() + " reviewers in "
                + (System.nanoTime() - started) / 1_000_000 + " ms");
        return true;
    }

    private List<Reviewer> page(String afterId) {
        return database.read(em -> new ReviewerRepository(em).pageAfter(afterId, REBUILD_PAGE));
    }

    public void upsert(Reviewer reviewer) {
        index().upsert(ReviewerDocument.of(reviewer, qualification));
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
