package org.lscb.registry.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.AutomatonQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Builds Lucene queries from a {@link ReviewerQuery} with query objects only: what a person typed is
 * split into words by the analyzer and never handed to a query parser, so {@code *:*}, quotes,
 * slashes and backslashes are just characters.
 */
final class ReviewerQueries {

    /** Words beyond this many are ignored; each must match, so more would only ever narrow to nothing. */
    static final int MAX_WORDS = 32;

    private ReviewerQueries() {}

    /** Every word must match the name (with typos forgiven), the summary or the evidence and expertise text. */
    static Query text(String typed, Analyzer analyzer) {
        List<String> words = tokens(analyzer, ReviewerFields.NAME, typed, MAX_WORDS);
        if (words.isEmpty()) {
            return new MatchAllDocsQuery();
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        int groups = 0;
        for (String word : words) {
            List<String> stems = tokens(analyzer, ReviewerFields.SUMMARY, word, 1);
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            any.add(new BoostQuery(new TermQuery(new Term(ReviewerFields.NAME, word)), 3f), Occur.SHOULD);
            if (word.length() >= 4) {
                any.add(new BoostQuery(nameWithOneTypo(word), 1.5f), Occur.SHOULD);
            }
            if (stems.isEmpty()) {
                continue; // a stop word such as "and": it says nothing about anyone
            }
            any.add(new TermQuery(new Term(ReviewerFields.SUMMARY, stems.get(0))), Occur.SHOULD);
            any.add(new TermQuery(new Term(ReviewerFields.TEXT, stems.get(0))), Occur.SHOULD);
            all.add(any.build(), Occur.MUST);
            groups++;
        }
        return groups == 0 ? new MatchAllDocsQuery() : all.build();
    }

    /** Compiled typo-tolerant name queries by word; a query is immutable, so one serves every search. */
    private static final Map<String, Query> NAME_TYPOS =
            Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Query> eldest) {
                    return size() > 4096;
                }
            });

    /**
     * Names within one typo (a transposition counts as one) after a correct first letter: the common
     * slips. The automaton is compiled once per word rather than once per index segment and search.
     */
    static Query nameWithOneTypo(String word) {
        return NAME_TYPOS.computeIfAbsent(
                word,
                w -> new AutomatonQuery(
                        new Term(ReviewerFields.NAME, w), FuzzyQuery.getFuzzyAutomaton(w, 1, 1, true).automaton));
    }

    /** The summary terms of what was typed, for highlighting; null when nothing was typed. */
    static Query summaryTerms(String typed, Analyzer analyzer) {
        List<String> stems = tokens(analyzer, ReviewerFields.SUMMARY, typed, MAX_WORDS);
        if (stems.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        stems.forEach(stem -> any.add(new TermQuery(new Term(ReviewerFields.SUMMARY, stem)), Occur.SHOULD));
        return any.build();
    }

    static Query filtered(Query text, ReviewerQuery q) {
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(text, Occur.MUST);
        anyOf(b, ReviewerFields.EXPERTISE, ReviewerIndex.names(q.expertise()));
        anyOf(b, ReviewerFields.REGION, ReviewerIndex.names(q.regions()));
        anyOf(b, ReviewerFields.EVIDENCE, ReviewerIndex.names(q.evidence()));
        if (q.available() != null) {
            b.add(new TermQuery(new Term(ReviewerFields.AVAILABLE, q.available().toString())), Occur.FILTER);
        }
        if (q.qualified() != null) {
            b.add(qualifiedOn(q.today()), q.qualified() ? Occur.FILTER : Occur.MUST_NOT);
        }
        for (String organisation : q.independentOf()) {
            b.add(tiedSince(organisation, q.independenceCutOff()), Occur.MUST_NOT);
        }
        return b.build();
    }

    /** Reviewers whose verified, current evidence lasts until {@code day} or later. */
    static Query qualifiedOn(LocalDate day) {
        return LongPoint.newRangeQuery(ReviewerFields.QUALIFIED_UNTIL, day.toEpochDay(), Long.MAX_VALUE);
    }

    /**
     * Reviewers with a tie to the organisation that counts on or after the cut-off: open-ended,
     * current, future or recently ended affiliations and declared interests. Exactly the
     * organisation part of {@code IndependenceCheck}, as a clause of the query.
     */
    static Query tiedSince(String organisationId, LocalDate cutOff) {
        long[] org = OrganisationKey.of(organisationId);
        return LongPoint.newRangeQuery(
                ReviewerFields.TIE,
                new long[] {org[0], org[1], cutOff.toEpochDay()},
                new long[] {org[0], org[1], Long.MAX_VALUE});
    }

    private static void anyOf(BooleanQuery.Builder b, String field, java.util.Collection<String> values) {
        if (values.isEmpty()) {
            return;
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        values.forEach(v -> any.add(new TermQuery(new Term(field, v)), Occur.SHOULD));
        b.add(any.build(), Occur.FILTER);
    }

    static List<String> tokens(Analyzer analyzer, String field, String text, int max) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken() && out.size() < max) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ArrayList<>(out);
    }
}
