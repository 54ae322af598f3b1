package org.lscb.registry.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.lscb.registry.reviewer.EvidenceType;
import org.lscb.registry.reviewer.ExpertiseArea;
import org.lscb.registry.reviewer.Region;

/**
 * The reviewer register's search index: a projection of the database with one long-lived
 * {@link IndexWriter} and one {@link SearcherManager}. Changes are upserts or deletes by id, each page of
 * them committed and refreshed before the call returns. Each commit records the index format and the highest
 * version stamp applied ({@code ReviewerRepository#nextIndexStamp}; {@link StampedIndex}): an index of another
 * format, none, or one ahead of the database is rebuilt from the database; any other is caught up with the changes
 * above its stamp ({@link #catchUp}), in stamp order.
 */
public final class ReviewerIndex implements FollowsTheDatabase<ReviewerDocument, ReviewerIndex.Change>, AutoCloseable {

    /** Raise when fields change: an index with another format is rebuilt. */
    public static final String FORMAT = "reviewers-5";

    /** How far a caller may page: enough for people, bounded for the server. */
    public static final int MAX_WINDOW = 10_000;

    private final Directory directory;
    private final Analyzer analyzer;
    private final FacetsConfig facets;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final StampedIndex<ReviewerDocument> stamped;
    private final Object stateLock = new Object();
    private IndexReader stateReader;
    private SortedSetDocValuesReaderState state;

    private ReviewerIndex(Directory directory) throws IOException {
        this.directory = directory;
        Map<String, Analyzer> perField = new HashMap<>();
        perField.put(ReviewerFields.SUMMARY, new EnglishAnalyzer());
        perField.put(ReviewerFields.TEXT, new EnglishAnalyzer());
        this.analyzer = new PerFieldAnalyzerWrapper(new StandardAnalyzer(), perField);
        this.facets = new FacetsConfig();
        for (String dim : new String[] {ReviewerFields.EXPERTISE, ReviewerFields.REGION, ReviewerFields.EVIDENCE}) {
            facets.setMultiValued(dim, true);
        }
        this.writer = new IndexWriter(
                directory, new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
        this.searchers = new SearcherManager(writer, null);
        this.stamped = new StampedIndex<>(
                "the reviewer index", FORMAT, ReviewerFields.ID, writer, searchers, d -> facets.build(toDocument(d)));
    }

    public static ReviewerIndex open(Directory directory) {
        try {
            return new ReviewerIndex(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the reviewer index", e);
        }
    }

    /** One reviewer's latest change: its stamp, and its search document, or none when it left the register. */
    public record Change(long stamp, String id, ReviewerDocument document)
            implements StampedIndex.Change<ReviewerDocument> {}

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

    /** Replaces the whole index with these documents and commits it at this stamp, read before the documents were. */
    public void rebuild(Stream<ReviewerDocument> all, long stamp) {
        stamped.rebuild(all, stamp);
    }

    /**
     * Applies every change above the stamp this index holds, in stamp order, and records the highest stamp seen, at
     * least {@code committedStamp} ({@link StampedIndex#catchUp}). Answers how many changes it applied.
     *
     * @param changesAfter the changes with a stamp above the one given, in stamp order, a page at a time
     */
    public long catchUp(long committedStamp, LongFunction<List<Change>> changesAfter) {
        return stamped.catchUp(committedStamp, changesAfter);
    }

    public long size() {
        return writer.getDocStats().numDocs;
    }

    public ReviewerHits search(ReviewerQuery q) {
        int window = Math.min((q.page() + 1) * q.size(), MAX_WINDOW);
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                Query text = ReviewerQueries.text(q.text(), analyzer);
                Query filtered = ReviewerQueries.filtered(text, q);
                Query highlight = ReviewerQueries.summaryTerms(q.text(), analyzer);
                FacetsCollectorManager.FacetsResult result =
                        FacetsCollectorManager.search(searcher, filtered, window, new FacetsCollectorManager());
                TopDocs top = result.topDocs();
                long total = result.facetsCollector().getMatchingDocs().stream()
                        .mapToLong(m -> m.totalHits)
                        .sum();
                List<ReviewerHits.Hit> hits = page(searcher, top, highlight, q);
                return new ReviewerHits(total, hits, facetCounts(searcher, filtered, result.facetsCollector(), q));
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot search the reviewer index", e);
        }
    }

    private List<ReviewerHits.Hit> page(IndexSearcher searcher, TopDocs top, Query text, ReviewerQuery q)
            throws IOException {
        int from = Math.min(q.page() * q.size(), top.scoreDocs.length);
        ScoreDoc[] slice = java.util.Arrays.copyOfRange(top.scoreDocs, from, top.scoreDocs.length);
        String[] snippets = new String[slice.length];
        if (slice.length > 0 && text != null) {
            UnifiedHighlighter highlighter =
                    new DocValuesHighlighter(UnifiedHighlighter.builder(searcher, analyzer), searcher);
            snippets = highlighter.highlight(ReviewerFields.SUMMARY, text, new TopDocs(top.totalHits, slice), 2);
        }
        long today = q.today().toEpochDay();
        List<org.apache.lucene.index.LeafReaderContext> leaves =
                searcher.getIndexReader().leaves();
        List<ReviewerHits.Hit> hits = new ArrayList<>(slice.length);
        for (int i = 0; i < slice.length; i++) {
            var leaf = leaves.get(org.apache.lucene.index.ReaderUtil.subIndex(slice[i].doc, leaves));
            int doc = slice[i].doc - leaf.docBase;
            var until = org.apache.lucene.index.DocValues.getNumeric(leaf.reader(), ReviewerFields.QUALIFIED_UNTIL);
            boolean qualified = until.advanceExact(doc) && until.longValue() >= today;
            hits.add(new ReviewerHits.Hit(
                    binary(leaf, ReviewerFields.ID, doc),
                    binary(leaf, ReviewerFields.NAME, doc),
                    slice[i].score,
                    qualified,
                    snippets[i] == null ? List.of() : List.of(snippets[i])));
        }
        return hits;
    }

    /**
     * Highlights from the summary's doc values rather than stored fields: reading a doc value is a
     * lookup, while a stored field means decompressing the block it sits in, for every hit.
     */
    private static final class DocValuesHighlighter extends UnifiedHighlighter {

        private final List<org.apache.lucene.index.LeafReaderContext> leaves;

        DocValuesHighlighter(UnifiedHighlighter.Builder builder, IndexSearcher searcher) {
            super(builder);
            this.leaves = searcher.getIndexReader().leaves();
        }

        @Override
        protected List<CharSequence[]> loadFieldValues(
                String[] fields, org.apache.lucene.search.DocIdSetIterator docs, int cacheCharsThreshold)
                throws IOException {
            List<CharSequence[]> out = new ArrayList<>();
            for (int doc = docs.nextDoc();
                    doc != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS;
                    doc = docs.nextDoc()) {
                var leaf = leaves.get(org.apache.lucene.index.ReaderUtil.subIndex(doc, leaves));
                CharSequence[] values = new CharSequence[fields.length];
                for (int i = 0; i < fields.length; i++) {
                    String v = binary(leaf, fields[i], doc - leaf.docBase);
                    values[i] = v == null ? "" : v;
                }
                out.add(values);
            }
            return out;
        }
    }

    private static String binary(org.apache.lucene.index.LeafReaderContext leaf, String field, int doc)
            throws IOException {
        var values = org.apache.lucene.index.DocValues.getBinary(leaf.reader(), field);
        return values.advanceExact(doc) ? values.binaryValue().utf8ToString() : null;
    }

    private Map<String, Map<String, Long>> facetCounts(
            IndexSearcher searcher, Query filtered, FacetsCollector fc, ReviewerQuery q) throws IOException {
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        SortedSetDocValuesReaderState s = state(searcher.getIndexReader());
        if (s != null) {
            SortedSetDocValuesFacetCounts counts = new SortedSetDocValuesFacetCounts(s, fc);
            for (String dim : new String[] {
                ReviewerFields.EXPERTISE, ReviewerFields.REGION, ReviewerFields.EVIDENCE, ReviewerFields.AVAILABLE
            }) {
                out.put(dim, labels(dim, counts));
            }
        }
        Map<String, Long> qualified = new LinkedHashMap<>();
        long today = q.today().toEpochDay();
        long yes = 0;
        long all = 0;
        for (FacetsCollector.MatchingDocs m : fc.getMatchingDocs()) {
            all += m.totalHits;
            org.apache.lucene.index.NumericDocValues until =
                    org.apache.lucene.index.DocValues.getNumeric(m.context.reader(), ReviewerFields.QUALIFIED_UNTIL);
            org.apache.lucene.search.DocIdSetIterator docs = m.bits.iterator();
            for (int doc = docs.nextDoc();
                    doc != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS;
                    doc = docs.nextDoc()) {
                if (until.advanceExact(doc) && until.longValue() >= today) {
                    yes++;
                }
            }
        }
        qualified.put("true", yes);
        qualified.put("false", all - yes);
        out.put("qualified", qualified);
        return out;
    }

    private static Map<String, Long> labels(String dim, SortedSetDocValuesFacetCounts counts) throws IOException {
        Map<String, Long> values = new LinkedHashMap<>();
        FacetResult r;
        try {
            r = counts.getAllChildren(dim);
        } catch (IllegalArgumentException dimensionNotIndexedYet) {
            return values;
        }
        if (r != null) {
            for (LabelAndValue lv : r.labelValues) {
                values.put(lv.label, lv.value.longValue());
            }
        }
        return values;
    }

    /** Facet state belongs to one reader; it is rebuilt when a refresh brings a new one. */
    private SortedSetDocValuesReaderState state(IndexReader reader) throws IOException {
        synchronized (stateLock) {
            if (stateReader != reader) {
                try {
                    state = new DefaultSortedSetDocValuesReaderState(reader, facets);
                } catch (IllegalArgumentException emptyIndex) {
                    state = null;
                }
                stateReader = reader;
            }
            return state;
        }
    }

    /** Text with offsets in the postings, so that highlighting needs no second analysis; its text is in doc values. */
    private static final org.apache.lucene.document.FieldType SUMMARY_TYPE = summaryType();

    private static org.apache.lucene.document.FieldType summaryType() {
        org.apache.lucene.document.FieldType t = new org.apache.lucene.document.FieldType(TextField.TYPE_NOT_STORED);
        t.setIndexOptions(org.apache.lucene.index.IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        t.freeze();
        return t;
    }

    static Document toDocument(ReviewerDocument d) {
        Document doc = new Document();
        doc.add(new StringField(ReviewerFields.ID, d.id(), Field.Store.YES));
        doc.add(new TextField(ReviewerFields.NAME, d.displayName(), Field.Store.YES));
        // hits are read from doc values: no stored-field block to decompress per hit
        doc.add(new org.apache.lucene.document.BinaryDocValuesField(
                ReviewerFields.ID, new org.apache.lucene.util.BytesRef(d.id())));
        doc.add(new org.apache.lucene.document.BinaryDocValuesField(
                ReviewerFields.NAME, new org.apache.lucene.util.BytesRef(d.displayName())));
        if (d.summary() != null) {
            doc.add(new Field(ReviewerFields.SUMMARY, d.summary(), SUMMARY_TYPE));
            doc.add(new org.apache.lucene.document.BinaryDocValuesField(
                    ReviewerFields.SUMMARY, new org.apache.lucene.util.BytesRef(d.summary())));
        }
        StringBuilder text = new StringBuilder(d.evidenceText() == null ? "" : d.evidenceText());
        d.expertise().forEach(e -> text.append(' ').append(words(e.name())));
        d.skills().forEach(s -> text.append(' ').append(words(s.name())));
        doc.add(new TextField(ReviewerFields.TEXT, text.toString(), Field.Store.NO));
        for (ExpertiseArea e : d.expertise()) {
            doc.add(new StringField(ReviewerFields.EXPERTISE, e.name(), Field.Store.NO));
            doc.add(new SortedSetDocValuesFacetField(ReviewerFields.EXPERTISE, e.name()));
        }
        for (Region r : d.regions()) {
            doc.add(new StringField(ReviewerFields.REGION, r.name(), Field.Store.NO));
            doc.add(new SortedSetDocValuesFacetField(ReviewerFields.REGION, r.name()));
        }
        for (EvidenceType t : d.evidenceTypes()) {
            doc.add(new StringField(ReviewerFields.EVIDENCE, t.name(), Field.Store.NO));
            doc.add(new SortedSetDocValuesFacetField(ReviewerFields.EVIDENCE, t.name()));
        }
        String available = Boolean.toString(d.available());
        doc.add(new StringField(ReviewerFields.AVAILABLE, available, Field.Store.NO));
        doc.add(new SortedSetDocValuesFacetField(ReviewerFields.AVAILABLE, available));
        if (d.qualifiedUntil() != null) {
            long until = epochDay(d.qualifiedUntil());
            doc.add(new LongPoint(ReviewerFields.QUALIFIED_UNTIL, until));
            doc.add(new StoredField(ReviewerFields.QUALIFIED_UNTIL, until));
            doc.add(new org.apache.lucene.document.NumericDocValuesField(ReviewerFields.QUALIFIED_UNTIL, until));
        }
        for (ReviewerDocument.Tie t : d.ties()) {
            long[] org = OrganisationKey.of(t.organisationId());
            doc.add(new LongPoint(
                    ReviewerFields.TIE,
                    org[0],
                    org[1],
                    t.countsUntil() == null ? Long.MAX_VALUE : epochDay(t.countsUntil())));
        }
        return doc;
    }

    static long epochDay(LocalDate day) {
        return day.equals(LocalDate.MAX) ? Long.MAX_VALUE : day.toEpochDay();
    }

    private static String words(String constant) {
        return constant.replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
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

    static Collection<String> names(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).toList();
    }
}
