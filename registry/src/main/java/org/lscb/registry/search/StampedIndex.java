package org.lscb.registry.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.SearcherManager;

/**
 * The part of a search index that follows the database by version stamps (docs/architecture.md "Search"), shared by
 * the register's {@link ReviewerIndex} and the library's {@code ReportIndex}: each Lucene commit records the index's
 * format and the highest stamp applied, and catching up applies the changes above that stamp a page at a time, in
 * stamp order. An index must be rebuilt from the database rather than caught up when it has another format or none,
 * or when it holds a stamp above the database's: then it holds changes the database lacks (a database restored from
 * an older copy under a kept index) and would skip the database's next changes up to its own stamp.
 *
 * @param <D> what the index holds of one row
 */
public final class StampedIndex<D> {

    /** One row's latest change: its stamp, its id, and its document, or none when it leaves the index. */
    public interface Change<D> {
        long stamp();

        String id();

        D document();
    }

    /** Turns a row's document into the Lucene document the index holds, facets included. */
    @FunctionalInterface
    public interface Documents<D> {
        Document of(D d) throws IOException;
    }

    static final String FORMAT_KEY = "lscb.format";
    static final String STAMP_KEY = "lscb.stamp";

    private final String name;
    private final String format;
    private final String idField;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Documents<D> documents;

    /**
     * @param name what the index is called in messages ("the reviewer index")
     * @param format the index's format: an index committed with another is rebuilt
     * @param idField the keyword field holding each row's id, the term changes replace and delete by
     */
    public StampedIndex(
            String name,
            String format,
            String idField,
            IndexWriter writer,
            SearcherManager searchers,
            Documents<D> documents) {
        this.name = name;
        this.format = format;
        this.idField = idField;
        this.writer = writer;
        this.searchers = searchers;
        this.documents = documents;
    }

    /**
     * The highest version stamp this index has applied, or empty when it was written by another format or never
     * stamped: such an index must be rebuilt.
     */
    public OptionalLong appliedStamp() {
        Map<String, String> data = new HashMap<>();
        if (writer.getLiveCommitData() != null) {
            writer.getLiveCommitData().forEach(e -> data.put(e.getKey(), e.getValue()));
        }
        String stamp = data.get(STAMP_KEY);
        if (!format.equals(data.get(FORMAT_KEY)) || stamp == null) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(stamp));
    }

    /**
     * Why this index must be rebuilt rather than caught up with a database whose committed stamp is this one, or
     * empty when catching up is enough.
     */
    public Optional<String> rebuildReason(long committedStamp) {
        OptionalLong at = appliedStamp();
        if (at.isEmpty()) {
            return Optional.of(name + " has another format or none");
        }
        if (at.getAsLong() > committedStamp) {
            return Optional.of(name + " is at stamp " + at.getAsLong() + ", above the database's " + committedStamp
                    + ", so it holds changes the database lacks (a database restored from an older copy?)");
        }
        return Optional.empty();
    }

    /** Replaces the whole index with these documents and commits it at this stamp, read before the documents were. */
    public synchronized void rebuild(Stream<D> all, long stamp) {
        try {
            writer.deleteAll();
            for (D d : (Iterable<D>) all::iterator) {
                writer.addDocument(documents.of(d));
            }
            commit(stamp);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rebuild " + name, e);
        }
    }

    /**
     * Applies every change above the stamp this index holds, page by page in stamp order, and records the highest
     * stamp seen, at least {@code committedStamp}: the database's stamp read before the pages, at or below which
     * every change is committed and so in the pages. Each page is one Lucene commit, so a crash part way keeps the
     * pages applied and the next catch-up starts after them. Answers how many changes it applied. Refuses an index
     * that must be rebuilt ({@link #rebuildReason}).
     *
     * @param changesAfter the changes with a stamp above the one given, in stamp order, a page at a time; each
     *     stamp belongs to one row, so paging on the stamp neither skips nor repeats a change
     */
    public synchronized long catchUp(
            long committedStamp, LongFunction<? extends List<? extends Change<D>>> changesAfter) {
        rebuildReason(committedStamp).ifPresent(why -> {
            throw new IllegalStateException(why + "; it must be rebuilt");
        });
        long at = appliedStamp().getAsLong();
        long applied = 0;
        try {
            for (List<? extends Change<D>> page = changesAfter.apply(at);
                    !page.isEmpty();
                    page = changesAfter.apply(at)) {
                for (Change<D> c : page) {
                    if (c.stamp() <= at) {
                        throw new IllegalArgumentException("changes must come in rising stamp order above " + at);
                    }
                    Term id = new Term(idField, c.id());
                    if (c.document() == null) {
                        writer.deleteDocuments(id);
                    } else {
                        writer.updateDocument(id, documents.of(c.document()));
                    }
                    at = c.stamp();
                    applied++;
                }
                commit(at);
            }
            if (committedStamp > at) {
                commit(committedStamp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot catch " + name + " up", e);
        }
        return applied;
    }

    /** Commits what the writer holds at this stamp, then refreshes the searchers so that the next search sees it. */
    private void commit(long stamp) throws IOException {
        writer.setLiveCommitData(
                Map.of(FORMAT_KEY, format, STAMP_KEY, Long.toString(stamp)).entrySet());
        writer.commit();
        searchers.maybeRefreshBlocking();
    }
}
