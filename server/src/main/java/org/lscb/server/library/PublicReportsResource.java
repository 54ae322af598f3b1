package org.lscb.server.library;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.lscb.library.PublishedReport;
import org.lscb.server.json.Paging;

/**
 * The public library of published reports (docs/api.md "Public library"), for everyone without signing in [11]:
 * search with highlights and facets, a report's metadata, and its two files. A withdrawn report is 404 here at once.
 */
@Path("public/reports")
@Produces(MediaType.APPLICATION_JSON)
public class PublicReportsResource {

    private PublicReports reports;
    private PublicationService publications;

    protected PublicReportsResource() {}

    @Inject
    public PublicReportsResource(PublicReports reports, PublicationService publications) {
        this.reports = reports;
        this.publications = publications;
    }

    @GET
    @PermitAll
    public PublicReports.Results search(
            @QueryParam("q") String q,
            @QueryParam("theme") List<String> themes,
            @QueryParam("ageBand") List<String> ageBands,
            @QueryParam("year") List<String> years,
            @QueryParam("board") List<String> boards,
            @QueryParam("page") String page,
            @QueryParam("size") String size) {
        Paging paging = Paging.parse(page, size);
        return reports.search(q, themes, ageBands, years, boards, paging.page(), paging.size());
    }

    @GET
    @Path("{id}")
    @PermitAll
    public PublicReports.ReportView get(@PathParam("id") String id) {
        return reports.get(id);
    }

    @GET
    @Path("{id}/content")
    @PermitAll
    @Produces({"application/pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"})
    public Response content(@PathParam("id") String id) {
        PublishedReport r = publications.live(id);
        return download(publications.bytes(r.report()), r.report(), "report-" + r.id());
    }

    @GET
    @Path("{id}/response")
    @PermitAll
    @Produces({"application/pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"})
    public Response response(@PathParam("id") String id) {
        PublishedReport r = publications.live(id);
        return download(publications.bytes(r.response()), r.response(), "response-" + r.id());
    }

    /**
     * The file as its format (known from its bytes at publication, never from what the uploader named it), always
     * as an attachment with a name of our own, so a browser neither sniffs it nor opens it in this origin's pages.
     */
    static Response download(byte[] bytes, PublishedReport.StoredFile file, String name) {
        return Response.ok(bytes, file.format().mediaType())
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"" + name + "." + file.format().extension() + "\"")
                .header("Content-Length", bytes.length)
                .build();
    }
}
