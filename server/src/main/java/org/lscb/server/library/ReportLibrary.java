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
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
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

    private static final Logger LOG = Logger.getLogger(ReportLibrary.class.getName());

    /** Reports per catch-up page: each one's text file is read as the page is applied. */
    private static final int CATCH_UP_PAGE = 100;

    private ServerConfig config;
    private Database database;
    private final Object filesLock = new Object();
    private volatile ReportFiles files;
    /** Opened once; searches and changes then run concurrently (the index takes care of its own locking). */
    private volatile ReportIndex index;

    private final Object extractorLock = new Object();
    private volatile TextExtractor extractor;

    protected ReportLibrary() {}

    @Inject
    public ReportLibrary(ServerConfig config, Database database) {
        this.config = config;
        this.database = database;
    }

    /**
     * Where the published files are kept. Made once under its own lock, never this object's, which a catch-up holds
     * while it reads a page of reports: a download or a publication does not wait for the search feed.
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
     * Brings the index up to date at start-up: rebuilt from the database and the files when it has another format,
     * none, or a stamp above the database's (a database restored from an older copy under a kept index), else caught
     * up with the changes above the stamp it holds, so a current index re-adds nothing. Answers whether it rebuilt.
     */
    public synchronized boolean ensureCurrent() {
        ReportIndex idx = index();
        long committed = committedStamp();
        Optional<String> rebuild = idx.rebuildReason(committed);
        if (rebuild.isPresent()) {
            rebuild(idx, committed, rebuild.get());
            return true;
        }
        long from = idx.appliedStamp().getAsLong();
        long applied = catchUp(idx, committed);
        LOG.info(() -> "The library's index on disk was at stamp " + from + ": " + applied
                + " changes applied at start-up, now at stamp "
                + idx.appliedStamp().getAsLong());
        return false;
    }

    /**
     * Applies the publications and withdrawals committed on any server since this index's stamp; a cheap read of the
     * database's stamp when there are none. Rebuilds the index instead when it must be rebuilt, above all when its
     * stamp is above the database's: caught up, it would keep reports the database lacks and skip the changes up to
     * its stamp. Called after each change on this server and by the search feed
     * ({@code org.lscb.server.search.SearchFeed}). Answers how many changes it applied, none for a rebuild.
     */
    public synchronized long catchUp() {
        ReportIndex idx = index();
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
                            "could not apply a committed change to the library's index; the search feed applies it at its next poll");
        }
    }

    private long committedStamp() {
        return database.read(em -> new PublishedReportRepository(em).indexStamp());
    }

    private long catchUp(ReportIndex idx, long committed) {
        if (committed == idx.appliedStamp().getAsLong()) {
            return 0;
        }
        return idx.catchUp(
                committed,
                after ->
                        database
                                .read(em -> new PublishedReportRepository(em).changedAfter(after, CATCH_UP_PAGE))
                                .stream()
                                .map(r -> new ReportIndex.Change(
                                        r.indexStamp(), r.id(), r.withdrawn() ? null : document(r)))
                                .toList());
    }

    /**
     * Replaces the index with the database's live reports at {@code stamp}, read before the rows: a change committed
     * in between is in the rows and applied again by the next catch-up, harmlessly.
     */
    private void rebuild(ReportIndex idx, long stamp, String why) {
        // an index that had a stamp was thought current: rebuilding it is news for the operator
        Level level = idx.appliedStamp().isPresent() ? Level.WARNING : Level.INFO;
        // each report's text is read from its file as the index takes it, not all held at once nor in the read
        List<PublishedReport> live = database.read(em -> new PublishedReportRepository(em).allLive());
        idx.rebuild(live.stream().map(this::document), stamp);
        LOG.log(
                level,
                () -> "Rebuilt the library's index from the database: " + idx.size() + " reports, at stamp " + stamp
                        + ", as " + why);
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
