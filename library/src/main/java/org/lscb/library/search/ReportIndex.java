package org.lscb.library.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;

/**
 * The public library's search index: a projection of the published reports that are not withdrawn, with one
 * long-lived writer and one searcher manager, as the reviewer register's index. Each change is committed and
 * refreshed before the call returns, so a withdrawn report is gone from the next search. Each commit records
 * the index format and the highest version stamp applied ({@code PublishedReportRepository#nextIndexStamp}): an
 * index of another format, or none, is rebuilt; one with a stamp is caught up with the changes above it
 * ({@link #catchUp}), withdrawals included.
 *
 * <p>It shares its Lucene plumbing (writer, searcher manager, stamped commits, facet state per reader) with the
 * registry's {@code ReviewerIndex} by pattern, not by a common class: the two differ in what they stamp, how they
 * highlight and which analysers they use, and the one module both could share, foundation, holds no Lucene.
 */
public final class ReportIndex implements AutoCloseable {

    /** Raise when fields change: an index with another format is rebuilt. */
    public static final String FORMAT = "reports-2";

    public static final String ID = "id";
    public static final String TITLE = "title";
    public static final String TEXT = "text";
    public static final String THEME = "theme";
    public static final String AGE_BAND = "ageBand";
    public static final String YEAR = "year";
    public static final String BOARD = "board";
    static final String FORMAT_KEY = "lscb.format";
    static final String STAMP_KEY = "lscb.stamp";
    public static final int MAX_WINDOW = 10_000;
    static final int MAX_WORDS = 32;

    private static final FieldType TEXT_WITH_OFFSETS = textWithOffsets();

    private final Directory directory;
    private final Analyzer analyzer = new EnglishAnalyzer();
    private final FacetsConfig facets = new FacetsConfig();
    private final IndexWriter writer;
    private final SearcherManager searchers;
    /** The facet state of the reader last searched, kept until a refresh brings another reader. */
    private volatile FacetState facetState;

    private record FacetState(IndexReader reader, SortedSetDocValuesReaderState state) {}

    private ReportIndex(Directory directory) throws IOException {
        this.directory = directory;
        facets.setMultiValued(THEME, true);
        this.writer = new IndexWriter(
                directory, new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
        this.searchers = new SearcherManager(writer, null);
    }

    public static ReportIndex open(Directory directory) {
        try {
            return new ReportIndex(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the library's index", e);
        }
    }

    /** One report's latest change: its stamp, and its search document, or none when it is withdrawn. */
    public record Change(long stamp, String id, ReportDocument document) {}

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
        if (!FORMAT.equals(data.get(FORMAT_KEY)) || stamp == null) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(stamp));
    }

    /** Replaces the whole index with these reports and commits it at this stamp, read before the reports were. */
    public synchronized void rebuild(Stream<ReportDocument> all, long stamp) {
        try {
            writer.deleteAll();
            for (ReportDocument d : (Iterable<ReportDocument>) all::iterator) {
                writer.addDocument(facets.build(toDocument(d)));
            }
            commit(stamp);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rebuild the library's index", e);
        }
    }

    /**
     * Applies every change above the stamp this index holds, page by page in stamp order, and records the highest
     * stamp seen, at least {@code committedStamp}: the database's stamp read before the pages, at or below which
     * every change is committed and so in the pages. Each page is one Lucene commit. Answers how many changes it
     * applied.
     *
     * @param changesAfter the changes with a stamp above the one given, in stamp order, a page at a time; each
     *     stamp belongs to one report, so paging on the stamp neither skips nor repeats a change
     */
    public synchronized long catchUp(long committedStamp, LongFunction<List<Change>> changesAfter) {
        long at = appliedStamp().orElseThrow(() -> new IllegalStateException("the library's index must be rebuilt"));
        long applied = 0;
        try {
            for (List<Change> page = changesAfter.apply(at); !page.isEmpty(); page = changesAfter.apply(at)) {
                for (Change c : page) {
                    if (c.stamp() <= at) {
                        throw new IllegalArgumentException("changes must come in rising stamp order above " + at);
                    }
                    Term id = new Term(ID, c.id());
                    if (c.document() == null) {
                        writer.deleteDocuments(id);
                    } else {
                        writer.updateDocument(id, facets.build(toDocument(c.document())));
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
            throw new UncheckedIOException("cannot catch the library's index up", e);
        }
        return applied;
    }

    /** Adds or replaces one report, keeping the stamp the index holds; found by the next search. */
    public synchronized void upsert(ReportDocument d) {
        try {
            writer.updateDocument(new Term(ID, d.id()), facets.build(toDocument(d)));
            commit(appliedStamp().orElse(0));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot add to the library's index", e);
        }
    }

    /** Removes one report, keeping the stamp the index holds; gone from the next search. */
    public synchronized void remove(String id) {
        try {
            writer.deleteDocuments(new Term(ID, id));
            commit(appliedStamp().orElse(0));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove from the library's index", e);
        }
    }

    public long size() {
        return writer.getDocStats().numDocs;
    }

    public ReportHits search(ReportQuery q) {
        int window = Math.min((q.page() + 1) * q.size(), MAX_WINDOW);
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                Query words = words(q.text());
                Query filtered = filtered(words, q);
                FacetsCollectorManager.FacetsResult result =
                        FacetsCollectorManager.search(searcher, filtered, window, new FacetsCollectorManager());
                TopDocs top = result.topDocs();
                int from = Math.min(q.page() * q.size(), top.scoreDocs.length);
                ScoreDoc[] slice = Arrays.copyOfRange(top.scoreDocs, from, top.scoreDocs.length);
                String[] snippets = new String[slice.length];
                if (slice.length > 0 && !(words instanceof MatchAllDocsQuery)) {
                    UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, analyzer)
                            .withFormatter(new DefaultPassageFormatter("<b>", "</b>", "… ", false))
                            .withMaxLength(1_000_000)
                            .build();
                    snippets = highlighter.highlight(TEXT, words, new TopDocs(top.totalHits, slice), 2);
                }
                List<ReportHits.Hit> hits = new ArrayList<>();
                for (int i = 0; i < slice.length; i++) {
                    String id = searcher.storedFields().document(slice[i].doc).get(ID);
                    hits.add(new ReportHits.Hit(id, snippets[i] == null ? List.of() : List.of(snippets[i])));
                }
                long total = result.facetsCollector().getMatchingDocs().stream()
                        .mapToLong(m -> m.totalHits)
                        .sum();
                return new ReportHits(total, hits, counts(searcher, result));
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot search the library's index", e);
        }
    }

    /** Every word typed must be in the title or the text (after English stemming); at most 32 words are read. */
    private Query words(String text) {
        if (text == null || text.isBlank()) {
            return new MatchAllDocsQuery();
        }
        List<String> stems = new ArrayList<>();
        try (TokenStream tokens = analyzer.tokenStream(TEXT, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken() && stems.size() < MAX_WORDS) {
                stems.add(term.toString());
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (stems.isEmpty()) {
            return new MatchAllDocsQuery();
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (String stem : stems) {
            all.add(
                    new BooleanQuery.Builder()
                            .add(new TermQuery(new Term(TITLE, stem)), BooleanClause.Occur.SHOULD)
                            .add(new TermQuery(new Term(TEXT, stem)), BooleanClause.Occur.SHOULD)
                            .build(),
                    BooleanClause.Occur.MUST);
        }
        return all.build();
    }

    private static Query filtered(Query words, ReportQuery q) {
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(words, BooleanClause.Occur.MUST);
        anyOf(b, THEME, q.themes());
        anyOf(b, AGE_BAND, q.ageBands());
        anyOf(b, YEAR, q.years().stream().map(String::valueOf).collect(java.util.stream.Collectors.toSet()));
        anyOf(b, BOARD, q.boards());
        return b.build();
    }

    private static void anyOf(BooleanQuery.Builder b, String field, Set<String> values) {
        if (values.isEmpty()) {
            return;
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        values.forEach(v -> any.add(new TermQuery(new Term(field, v)), BooleanClause.Occur.SHOULD));
        b.add(any.build(), BooleanClause.Occur.FILTER);
    }

    private Map<String, Map<String, Long>> counts(IndexSearcher searcher, FacetsCollectorManager.FacetsResult result)
            throws IOException {
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        for (String dim : List.of(THEME, AGE_BAND, YEAR, BOARD)) {
            out.put(dim, new LinkedHashMap<>());
        }
        SortedSetDocValuesReaderState state = facetState(searcher.getIndexReader());
        if (state == null) {
            return out;
        }
        SortedSetDocValuesFacetCounts counts = new SortedSetDocValuesFacetCounts(state, result.facetsCollector());
        for (String dim : out.keySet()) {
            FacetResult r;
            try {
                r = counts.getAllChildren(dim);
            } catch (IllegalArgumentException dimensionNotIndexedYet) {
                continue;
            }
            if (r != null) {
                for (LabelAndValue lv : r.labelValues) {
                    out.get(dim).put(lv.label, lv.value.longValue());
                }
            }
        }
        return out;
    }

    /**
     * The facet state of this reader, built once per reader rather than per search: building it reads every
     * facet value of the index. Null when no report has been indexed yet.
     */
    private SortedSetDocValuesReaderState facetState(IndexReader reader) throws IOException {
        FacetState known = facetState;
        if (known != null && known.reader() == reader) {
            return known.state();
        }
        SortedSetDocValuesReaderState state;
        try {
            state = new DefaultSortedSetDocValuesReaderState(reader, facets);
        } catch (IllegalArgumentException emptyIndex) {
            state = null;
        }
        facetState = new FacetState(reader, state);
        return state;
    }

    private void commit(long stamp) throws IOException {
        writer.setLiveCommitData(
                Map.of(FORMAT_KEY, FORMAT, STAMP_KEY, Long.toString(stamp)).entrySet());
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    private static FieldType textWithOffsets() {
        FieldType t = new FieldType(TextField.TYPE_STORED);
        t.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        t.freeze();
        return t;
    }

    static Document toDocument(ReportDocument d) {
        Document doc = new Document();
        doc.add(new StringField(ID, d.id(), Field.Store.YES));
        doc.add(new TextField(TITLE, d.title(), Field.Store.NO));
        doc.add(new Field(TEXT, d.text(), TEXT_WITH_OFFSETS));
        for (String theme : d.themes()) {
            doc.add(new StringField(THEME, theme, Field.Store.NO));
            doc.add(new SortedSetDocValuesFacetField(THEME, theme));
        }
        doc.add(new StringField(AGE_BAND, d.ageBand(), Field.Store.NO));
        doc.add(new SortedSetDocValuesFacetField(AGE_BAND, d.ageBand()));
        String year = String.valueOf(d.year());
        doc.add(new StringField(YEAR, year, Field.Store.NO));
        doc.add(new SortedSetDocValuesFacetField(YEAR, year));
        doc.add(new StringField(BOARD, d.board(), Field.Store.NO));
        doc.add(new SortedSetDocValuesFacetField(BOARD, d.board()));
        return doc;
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
