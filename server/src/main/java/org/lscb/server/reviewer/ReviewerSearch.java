package org.lscb.server.reviewer;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
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
import org.lscb.server.index.IndexFollower;
import org.lscb.server.index.SearchChangeSignal;

/**
 * The reviewer index of this server, under {@code DATA_DIR/index/reviewers}: a projection of the database
 * that records the highest version stamp it has applied. It is rebuilt when it has another format, none, or a stamp
 * above the database's; otherwise it applies the changes it missed. Afterwards it catches up after each change made
 * on this server and whenever the search feed ({@code org.lscb.server.search.SearchFeed}) sees a higher stamp in the database, made on any server.
 */
@ApplicationScoped
public class ReviewerSearch {

    private static final int REBUILD_PAGE = 1000;
    private static final int CATCH_UP_PAGE = 500;

    private ServerConfig config;
    private Database database;
    private QualificationRule qualification;
    private SearchChangeSignal signal;
    /** Opened once; searches and catch-ups then run concurrently (the index takes care of its own locking). */
    private volatile ReviewerIndex index;

    private final IndexFollower<ReviewerDocument, ReviewerIndex.Change> follower =
            new IndexFollower<>("reviewer index", "reviewers", this::index, new Reviewers());

    protected ReviewerSearch() {}

    @Inject
    public ReviewerSearch(
            ServerConfig config, Database database, QualificationRule qualification, SearchChangeSignal signal) {
        this.config = config;
        this.database = database;
        this.qualification = qualification;
        this.signal = signal;
    }

    /**
     * Brings the index up to date at start-up (see {@link IndexFollower#ensureCurrent}). Answers whether it rebuilt.
     */
    public boolean ensureCurrent() {
        return follower.ensureCurrent();
    }

    /**
     * Applies the changes committed on any server since this index's stamp, or rebuilds it when it must be. Called by
     * the search feed ({@code org.lscb.server.search.SearchFeed}); answers how many changes it applied.
     */
    public long catchUp() {
        return follower.catchUp();
    }

    /**
     * Catches up after a change this server has committed (see {@link IndexFollower#catchUpAfterCommit}), and tells
     * the service's other nodes to catch up too ({@link SearchChangeSignal}).
     */
    public void catchUpAfterCommit() {
        follower.catchUpAfterCommit();
        signal.announce(SearchChangeSignal.REVIEWERS);
    }

    /** The index's rows in the database: the register's reviewers and their stamps. */
    private final class Reviewers implements IndexFollower.Rows<ReviewerDocument, ReviewerIndex.Change> {
        @Override
        public long committedStamp() {
            return database.read(em -> new ReviewerRepository(em).indexStamp());
        }

        @Override
        public List<ReviewerIndex.Change> changesAfter(long stamp) {
            return database.read(em -> new ReviewerRepository(em)
                    .changedAfter(stamp, CATCH_UP_PAGE).stream()
                            .map(r -> new ReviewerIndex.Change(
                                    r.indexStamp(), r.id(), ReviewerDocument.of(r, qualification)))
                            .toList());
        }

        @Override
        public Stream<ReviewerDocument> all() {
            return Stream.iterate(
                            page(null),
                            p -> !p.isEmpty(),
                            p -> page(p.get(p.size() - 1).id()))
                    .flatMap(List::stream)
                    .map(r -> ReviewerDocument.of(r, qualification));
        }
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
