package org.lscb.server.library;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.lucene.store.FSDirectory;
import org.lscb.foundation.persistence.Database;
import org.lscb.identity.organisation.Organisation;
import org.lscb.identity.organisation.OrganisationRepository;
import org.lscb.library.FolderReportFiles;
import org.lscb.library.PublishedReport;
import org.lscb.library.PublishedReportRepository;
import org.lscb.library.ReportFiles;
import org.lscb.library.Theme;
import org.lscb.library.search.ReportDocument;
import org.lscb.library.search.ReportHits;
import org.lscb.library.search.ReportIndex;
import org.lscb.library.search.ReportQuery;
import org.lscb.library.text.ExtractionLimits;
import org.lscb.library.text.TextExtractor;
import org.lscb.server.config.ServerConfig;
import org.lscb.server.index.IndexFollower;
import org.lscb.server.index.SearchChangeSignal;

/**
 * This server's public library: the published files (in {@code DATA_DIR/library}, or beside the blobs that every
 * server shares: {@link ServerConfig#libraryDirectory}, {@link S3ReportFiles}), the search index under
 * {@code DATA_DIR/index/reports} (rebuilt from the database and the files when it has another format, none, or a
 * version stamp above the database's, else caught up with the changes made on any server since the stamp it records),
 * and the text extractor with its own two threads, so that slow or hostile files never hold request threads
 * beyond the extraction's time limit.
 */
@ApplicationScoped
public class ReportLibrary {

    /** Reports per catch-up page: each one's text file is read as the page is applied. */
    private static final int CATCH_UP_PAGE = 100;

    private ServerConfig config;
    private Database database;
    private SearchChangeSignal signal;
    private final Object filesLock = new Object();
    private volatile ReportFiles files;
    /** Opened once; searches and changes then run concurrently (the index takes care of its own locking). */
    private volatile ReportIndex index;

    private final Object extractorLock = new Object();
    private volatile TextExtractor extractor;

    private final IndexFollower<ReportDocument, ReportIndex.Change> follower =
            new IndexFollower<>("library's index", "reports", this::index, new Reports());

    protected ReportLibrary() {}

    @Inject
    public ReportLibrary(ServerConfig config, Database database, SearchChangeSignal signal) {
        this.config = config;
        this.database = database;
        this.signal = signal;
    }

    /**
     * Where the published files are kept, made once under a lock of its own, so that a download or a publication
     * never waits for the index being opened or closed.
     */
    public ReportFiles files() {
        ReportFiles made = files;
        if (made != null) {
            return made;
        }
        synchronized (filesLock) {
            if (files == null) {
                files = config.blobS3()
                        .<ReportFiles>map(s3 -> new S3ReportFiles(s3.client(), s3.bucket(), s3.prefix()))
                        .orElseGet(() -> new FolderReportFiles(config.libraryDirectory()));
            }
            return files;
        }
    }

    /** The text extractor, made once under its own lock, for the same reason as {@link #files()}'s. */
    public TextExtractor extractor() {
        TextExtractor made = extractor;
        if (made != null) {
            return made;
        }
        synchronized (extractorLock) {
            if (extractor == null) {
                extractor = new TextExtractor(ExtractionLimits.DEFAULT, 2);
            }
            return extractor;
        }
    }

    /**
     * Brings the index up to date at start-up (see {@link IndexFollower#ensureCurrent}). Answers whether it rebuilt.
     */
    public boolean ensureCurrent() {
        return follower.ensureCurrent();
    }

    /**
     * Applies the publications and withdrawals committed on any server since this index's stamp, or rebuilds it when
     * it must be. Called by the search feed ({@code org.lscb.server.search.SearchFeed}); answers how many changes it
     * applied.
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
        signal.announce(SearchChangeSignal.LIBRARY);
    }

    /** The index's rows in the database: the published reports and their stamps, a withdrawn one leaving the index. */
    private final class Reports implements IndexFollower.Rows<ReportDocument, ReportIndex.Change> {
        @Override
        public long committedStamp() {
            return database.read(em -> new PublishedReportRepository(em).indexStamp());
        }

        @Override
        public List<ReportIndex.Change> changesAfter(long stamp) {
            return database.read(em -> new PublishedReportRepository(em).changedAfter(stamp, CATCH_UP_PAGE)).stream()
                    .map(r -> new ReportIndex.Change(r.indexStamp(), r.id(), r.withdrawn() ? null : document(r)))
                    .toList();
        }

        /** Each report's text is read from its file as the index takes it, not all held at once nor in the read. */
        @Override
        public Stream<ReportDocument> all() {
            return database.read(em -> new PublishedReportRepository(em).allLive()).stream()
                    .map(ReportLibrary.this::document);
        }
    }

    public ReportHits search(ReportQuery q) {
        return index().search(q);
    }

    /** What the index holds of a report: its text is the file kept when it was published. */
    private ReportDocument document(PublishedReport r) {
        String text = files().get(r.textKey())
                .map(b -> new String(b, StandardCharsets.UTF_8))
                .orElse("");
        return new ReportDocument(
                r.id(),
                r.title(),
                text,
                r.themes().stream().map(Theme::code).collect(Collectors.toSet()),
                r.ageBand().code(),
                r.year(),
                r.boardId());
    }

    /** The names of the boards, by id, for the library's board facet. */
    public Map<String, String> boardNames(java.util.Collection<String> ids) {
        return database.read(em -> new OrganisationRepository(em)
                .byIds(ids).stream().collect(Collectors.toMap(Organisation::id, Organisation::name)));
    }

    private ReportIndex index() {
        ReportIndex open = index;
        return open != null ? open : openIndex();
    }

    private synchronized ReportIndex openIndex() {
        if (index == null) {
            Path dir = config.dataDir().resolve("index").resolve("reports");
            try {
                Files.createDirectories(dir);
                index = ReportIndex.open(FSDirectory.open(dir));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open the library's index at " + dir, e);
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
        synchronized (extractorLock) {
            if (extractor != null) {
                extractor.close();
                extractor = null;
            }
        }
        synchronized (filesLock) {
            if (files instanceof S3ReportFiles s3) {
                s3.close();
            }
            files = null;
        }
    }
}
