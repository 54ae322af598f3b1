package org.lscb.server.web.library;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.lscb.library.search.ReportIndex;
import org.lscb.server.json.Paging;
import org.lscb.server.library.PublicReports;
import org.lscb.server.web.Chrome;
import org.lscb.server.web.Pages;
import org.lscb.server.web.component.Checkboxes;
import org.lscb.server.web.component.Fieldset;
import org.lscb.server.web.component.Hint;
import org.lscb.server.web.component.Input;
import org.lscb.server.web.component.Label;
import org.lscb.server.web.component.Pagination;
import org.lscb.server.web.component.TextOrHtml;
import org.lscb.server.web.reviewer.Highlights;
import org.lscb.server.web.session.BrowserSessions;

/**
 * The public library of published reports [11], for anyone, signed in or not: the search of
 * {@code GET /api/v1/public/reports} as a GET form with its facets as filters, and a report's page with its two
 * files. Nothing here starts a session for a reader who has none.
 */
@Path("library")
@Produces(MediaType.TEXT_HTML)
public class LibraryPages {

    static final int PAGE_SIZE = Paging.DEFAULT_SIZE;

    @Context
    HttpServletRequest request;

    private PublicReports reports;
    private BrowserSessions sessions;
    private Pages pages;

    protected LibraryPages() {}

    @Inject
    public LibraryPages(PublicReports reports, BrowserSessions sessions, Pages pages) {
        this.reports = reports;
        this.sessions = sessions;
        this.pages = pages;
    }

    public record Hit(String title, String href, String themes, String summary, List<Highlights.Piece> highlight) {}

    public record SearchView(
            String q,
            long total,
            List<Hit> hits,
            List<Checkboxes> filters,
            Pagination pagination,
            int page,
            int pages) {

        public Input searchBox() {
            return Input.text("q", Label.of("Words to search for"), q)
                    .withHint(Hint.of("Words in a published report, such as \"neglect\" or \"information sharing\"."))
                    .withClasses("govuk-!-width-full");
        }
    }

    public record ReportPage(PublicReports.ReportView report, String themes) {}

    @GET
    @PermitAll
    public Response search(
            @QueryParam("q") String q,
            @QueryParam("theme") List<String> themes,
            @QueryParam("ageBand") List<String> ageBands,
            @QueryParam("year") List<String> years,
            @QueryParam("board") List<String> boards,
            @QueryParam("page") String page) {
        String words = q == null ? "" : q.strip();
        Paging paging = Paging.parse(page, Integer.toString(PAGE_SIZE));
        PublicReports.Results found =
                reports.search(words, themes, ageBands, years, boards, paging.page(), paging.size());
        List<Hit> hits = found.items().stream()
                .map(h -> new Hit(
                        h.report().title(),
                        "/library/" + Pages.encode(h.report().id()),
                        themes(h.report()),
                        h.report().board().label() + ", " + h.report().year() + ", child aged "
                                + h.report().ageBand().label().toLowerCase(java.util.Locale.ROOT),
                        h.highlights().isEmpty()
                                ? List.of()
                                : Highlights.pieces(h.highlights().get(0))))
                .toList();
        List<Checkboxes> filters = new ArrayList<>();
        filters.add(filter("theme", "Theme", found.facets().get("theme"), themes));
        filters.add(filter("ageBand", "Age of the child", found.facets().get("ageBand"), ageBands));
        filters.add(filter("year", "Year published", found.facets().get("year"), years));
        filters.add(filter("board", "Board", found.facets().get("board"), boards));
        int pageCount = (int) Math.min((found.total() + PAGE_SIZE - 1) / PAGE_SIZE, ReportIndex.MAX_WINDOW / PAGE_SIZE);
        String link = link(words, themes, ageBands, years, boards);
        Pagination pagination = paging.page() == 0 && pageCount <= 1
                ? null
                : Pagination.of(
                        paging.page() > 0 ? Pagination.Link.to(link + "&page=" + (paging.page() - 1)) : null,
                        List.of(),
                        paging.page() + 1 < pageCount
                                ? Pagination.Link.to(link + "&page=" + (paging.page() + 1))
                                : null);
        SearchView view = new SearchView(
                words, found.total(), hits, filters, pagination, paging.page() + 1, Math.max(pageCount, 1));
        return Pages.page("pages/library/search.jte", chrome("Library of published reviews"), Map.of("view", view));
    }

    @GET
    @Path("{id}")
    @PermitAll
    public Response report(@PathParam("id") String id) {
        PublicReports.ReportView r = reports.get(id);
        return Pages.page("pages/library/report.jte", chrome(r.title()), Map.of("view", new ReportPage(r, themes(r))));
    }

    /** The signed-in frame for a signed-in reader; for anyone else the plain one, without starting a session. */
    private Chrome chrome(String title) {
        if (sessions.signedIn(request).isPresent()) {
            return pages.chrome(title, "library");
        }
        return Chrome.anonymous(title, false, null);
    }

    private static String themes(PublicReports.ReportView r) {
        return r.themes().stream().map(PublicReports.Coded::label).collect(Collectors.joining(", "));
    }

    private static Checkboxes filter(
            String name, String legend, List<PublicReports.FacetValue> values, List<String> chosen) {
        List<Checkboxes.Item> items = (values == null ? List.<PublicReports.FacetValue>of() : values)
                .stream()
                        .map(v -> Checkboxes.Item.of(v.value(), v.label() + " (" + v.count() + ")"))
                        .toList();
        return new Checkboxes(
                name,
                null,
                items,
                chosen == null ? List.of() : chosen,
                Fieldset.of(new Fieldset.Legend(TextOrHtml.text(legend), false, "govuk-fieldset__legend--s"), null),
                items.isEmpty() ? Hint.of("None among these reports") : null,
                null,
                null,
                "govuk-checkboxes--small",
                null);
    }

    private static String link(
            String q, List<String> themes, List<String> ageBands, List<String> years, List<String> boards) {
        StringBuilder b = new StringBuilder("/library?q=").append(Pages.encode(q));
        append(b, "theme", themes);
        append(b, "ageBand", ageBands);
        append(b, "year", years);
        append(b, "board", boards);
        return b.toString();
    }

    private static void append(StringBuilder b, String name, List<String> values) {
        if (values != null) {
            values.forEach(v -> b.append('&').append(name).append('=').append(Pages.encode(v)));
        }
    }
}
