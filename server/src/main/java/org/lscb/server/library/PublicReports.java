package org.lscb.server.library;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.lscb.foundation.value.InvalidValueException;
import org.lscb.library.AgeBand;
import org.lscb.library.PublishedReport;
import org.lscb.library.Theme;
import org.lscb.library.search.ReportHits;
import org.lscb.library.search.ReportIndex;
import org.lscb.library.search.ReportQuery;

/**
 * The public library as anyone sees it, signed in or not [11]: searches and a report's metadata, shared by the API
 * and the library's pages. Only what was published is shown: never who published it or why the Chair published over
 * a finding.
 */
@ApplicationScoped
public class PublicReports {

    static final int MAX_QUERY = 200;
    static final int MAX_FILTERS = 50;

    private PublicationService publications;
    private ReportLibrary library;

    protected PublicReports() {}

    @Inject
    public PublicReports(PublicationService publications, ReportLibrary library) {
        this.publications = publications;
        this.library = library;
    }

    public record Coded(String code, String label) {}

    public record FileView(String format, String mediaType, long bytes, String href) {}

    public record ReportView(
            String id,
            String title,
            List<Coded> themes,
            Coded ageBand,
            int year,
            Coded board,
            Instant publishedAt,
            FileView report,
            FileView response) {}

    public record Hit(ReportView report, List<String> highlights) {}

    public record FacetValue(String value, String label, long count) {}

    public record Results(long total, int page, int size, List<Hit> items, Map<String, List<FacetValue>> facets) {}

    /** A search as typed: unknown themes or age bands, years that are not years, are refused with the field. */
    public Results search(
            String text,
            List<String> themes,
            List<String> ageBands,
            List<String> years,
            List<String> boards,
            int page,
            int size) {
        if (text != null && text.length() > MAX_QUERY) {
            throw new InvalidValueException("q", "must be at most " + MAX_QUERY + " characters");
        }
        Set<String> themeCodes =
                codes(themes, "theme", c -> Theme.ofCode(c).map(Theme::code).orElse(null));
        Set<String> bandCodes = codes(
                ageBands, "ageBand", c -> AgeBand.ofCode(c).map(AgeBand::code).orElse(null));
        Set<Integer> yearValues = codes(years, "year", c -> c.matches("\\d{4}") ? c : null).stream()
                .map(Integer::valueOf)
                .collect(Collectors.toSet());
        Set<String> boardIds = codes(boards, "board", c -> c.matches("[0-9a-fA-F-]{1,36}") ? c : null);
        ReportHits hits =
                library.search(new ReportQuery(text, themeCodes, bandCodes, yearValues, boardIds, page, size));
        Map<String, PublishedReport> reports =
                publications.live(hits.hits().stream().map(ReportHits.Hit::id).toList()).stream()
                        .collect(Collectors.toMap(PublishedReport::id, r -> r));
        Map<String, String> boardNames = library.boardNames(new ArrayList<>(
                hits.facets().getOrDefault(ReportIndex.BOARD, Map.of()).keySet()));
        List<Hit> items = hits.hits().stream()
                .filter(h -> reports.containsKey(h.id()))
                .map(h -> new Hit(view(reports.get(h.id()), boardNames), h.highlights()))
                .toList();
        Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
        facets.put(
                "theme",
                facet(
                        hits,
                        ReportIndex.THEME,
                        c -> Theme.ofCode(c).map(Theme::label).orElse(c)));
        facets.put(
                "ageBand",
                facet(
                        hits,
                        ReportIndex.AGE_BAND,
                        c -> AgeBand.ofCode(c).map(AgeBand::label).orElse(c)));
        facets.put("year", facet(hits, ReportIndex.YEAR, c -> c));
        facets.put("board", facet(hits, ReportIndex.BOARD, c -> boardNames.getOrDefault(c, c)));
        return new Results(hits.total(), page, size, items, facets);
    }

    public ReportView get(String id) {
        PublishedReport r = publications.live(id);
        return view(r, library.boardNames(List.of(r.boardId())));
    }

    static ReportView view(PublishedReport r, Map<String, String> boardNames) {
        String base = "/api/v1/public/reports/" + r.id();
        return new ReportView(
                r.id(),
                r.title(),
                r.themes().stream().map(t -> new Coded(t.code(), t.label())).toList(),
                new Coded(r.ageBand().code(), r.ageBand().label()),
                r.year(),
                new Coded(r.boardId(), boardNames.getOrDefault(r.boardId(), "")),
                r.publishedAt(),
                file(r.report(), base + "/content"),
                file(r.response(), base + "/response"));
    }

    private static FileView file(PublishedReport.StoredFile f, String href) {
        return new FileView(f.format().extension(), f.format().mediaType(), f.bytes(), href);
    }

    private static List<FacetValue> facet(ReportHits hits, String dim, Function<String, String> label) {
        return hits.facets().getOrDefault(dim, Map.of()).entrySet().stream()
                .map(e -> new FacetValue(e.getKey(), label.apply(e.getKey()), e.getValue()))
                .sorted(java.util.Comparator.comparing(FacetValue::label))
                .toList();
    }

    private static Set<String> codes(List<String> typed, String field, Function<String, String> known) {
        if (typed == null) {
            return Set.of();
        }
        List<String> values = typed.stream()
                .filter(v -> v != null && !v.isBlank())
                .map(String::strip)
                .toList();
        if (values.size() > MAX_FILTERS) {
            throw new InvalidValueException(field, "at most " + MAX_FILTERS + " values");
        }
        Set<String> out = new java.util.LinkedHashSet<>();
        for (String v : values) {
            String code = known.apply(v);
            if (code == null) {
                throw new InvalidValueException(field, "is not a value of this facet");
            }
            out.add(code);
        }
        return out;
    }
}
