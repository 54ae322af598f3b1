package org.lscb.library.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.lscb.registry.search.FollowsTheDatabase;
import org.lscb.registry.search.StampedIndex;

/**
 * The public library's search index: a projection of the published reports that are not withdrawn, with one
 * long-lived writer and one searcher manager, as the reviewer register's index. Each page of changes is committed
 * and refreshed before the call returns, so a withdrawn report is gone from the next search. Each commit records
 * the index format and the highest version stamp applied ({@code PublishedReportRepository#nextIndexStamp}): an
 * index of another format, none, or one ahead of the database is rebuilt; any other is caught up with the changes
 * above its stamp ({@link #catchUp}), withdrawals included.
 *
 * <p>The stamped commits and the catch-up are the registry's {@link StampedIndex}, which this module reaches
 * through reviews. The rest of the Lucene plumbing (writer, searcher manager, facet state per reader) follows the
 * registry's {@code ReviewerIndex} by pattern, not by a common class: the two differ in their fields, how they
 * highlight and which analysers they use.
 */
public final class ReportIndex implements FollowsTheDatabase<ReportDocument, ReportIndex.Change>, AutoCloseable {

    /** Raise when fields change: an index with another format is rebuilt. */
    public static final String FORMAT = "reports-2";

    public static final String ID = "id";
    public static final String TITLE = "title";
    public static final String TEXT = "text";
    public static final String THEME = "theme";
    public static final String AGE_BAND = "ageBand";
    public static final String YEAR = "year";
    public static final String BOARD = "board";
    public static final int MAX_WINDOW = 10_000;
    static final int MAX_WORDS = 32;

    private static final FieldType TEXT_WITH_OFFSETS = textWithOffsets();

    private final Directory directory;
    private final Analyzer analyzer = new EnglishAnalyzer();
    private final FacetsConfig facets = new FacetsConfig();
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final StampedIndex<ReportDocument> stamped;
    /** The facet state of the reader last searched, kept until a refresh brings another reader. */
    private volatile FacetState facetState;

    private record FacetState(IndexReader reader, SortedSetDocValuesReaderState state) {}

    private ReportIndex(Directory directory) throws IOException {
        this.directory = directory;
        facets.setMultiValued(THEME, true);
        this.writer = new IndexWriter(
                directory, new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
        this.searchers = new SearcherManager(writer, null);
        this.stamped = new StampedIndex<>(
                "the library's index", FORMAT, ID, writer, searchers, d -> facets.build(toDocument(d)));
    }

    public static ReportIndex open(Directory directory) {
        try {
            return new ReportIndex(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the library's index", e);
        }
    }

    /** One report's latest change: its stamp, and its search document, or none when it is withdrawn. */
    public record Change(long stamp, String id, ReportDocument document)
            implements StampedIndex.Change<ReportDocument> {}

    /**
     * The highest version stamp this index has applied, or empty when it was written by another format or never
     * stamped: such an index must be rebuilt.
     */
    public OptionalLong appliedStamp() {
        return stamped.appliedStamp();
    }

    /**
     * Why this index must be rebuilt rather than caught up with a database at this committed stamp, or empty when
     * catching up is enough ({@link StampedIndex#rebuildReason}).
     */
    public Optional<String> rebuildReason(long committedStamp) {
        return stamped.rebuildReason(committedStamp);
    }

    /** Replaces the whole index with these reports and commits it at this stamp, read before the reports were. */
    public void rebuild(Stream<ReportDocument> all, long stamp) {
        stamped.rebuild(all, stamp);
    }

    /**
     * Applies every publication and withdrawal above the stamp this index holds, in stamp order, and records the
     * highest stamp seen, at least {@code committedStamp} ({@link StampedIndex#catchUp}). Answers how many changes it
     * applied.
     *
     * @param changesAfter the changes with a stamp above the one given, in stamp order, a page at a time
     */
    public long catchUp(long committedStamp, LongFunction<List<Change>> changesAfter) {
        return stamped.catchUp(committedStamp, changesAfter);
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
