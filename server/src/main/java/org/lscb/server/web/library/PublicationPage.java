package org.lscb.server.web.library;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.glassfish.jersey.media.multipart.FormDataMultiPart;
import org.lscb.foundation.value.InvalidValueException;
import org.lscb.identity.account.Role;
import org.lscb.library.AgeBand;
import org.lscb.library.PublishedReport;
import org.lscb.library.Theme;
import org.lscb.library.text.UnreadableReportException;
import org.lscb.reviews.Review;
import org.lscb.server.auth.Caller;
import org.lscb.server.library.PersonalDataFoundException;
import org.lscb.server.library.PublicationResource;
import org.lscb.server.library.PublicationService;
import org.lscb.server.review.ReviewService;
import org.lscb.server.web.FormErrors;
import org.lscb.server.web.Pages;
import org.lscb.server.web.component.ErrorSummary;
import org.lscb.server.web.session.SignedIn;

/**
 * The officer's page to publish a review's final report and the board's response [11]: the upload form with the
 * themes, age band, year and the redaction names (used for the check, not kept), the findings of the personal-data
 * check when it refuses, and the withdrawal of a report already in the library. The same service and roles as
 * {@code /api/v1/reviews/{id}/publication}; the Chair's form also offers publishing over the findings with a reason.
 */
@Path("reviews/{id}/publication")
@Produces(MediaType.TEXT_HTML)
public class PublicationPage {

    private SignedIn signedIn;
    private Pages pages;
    private PublicationService publications;
    private ReviewService reviews;

    protected PublicationPage() {}

    @Inject
    public PublicationPage(SignedIn signedIn, Pages pages, PublicationService publications, ReviewService reviews) {
        this.signedIn = signedIn;
        this.pages = pages;
        this.publications = publications;
        this.reviews = reviews;
    }

    /** What the form shows again after a refusal: what was typed, except the files and the names. */
    public record Typed(String title, List<String> themes, String ageBand, String year) {
        static Typed empty() {
            return new Typed("", List.of(), "", "");
        }
    }

    public record FindingRow(String document, String where, String kind, String context) {}

    public record View(
            String reviewId,
            String reference,
            String pseudonym,
            boolean chair,
            PublishedReport current,
            Typed typed,
            FormErrors errors,
            List<FindingRow> findings,
            int findingCount,
            List<Theme> themes,
            List<AgeBand> ageBands) {

        public ErrorSummary errorSummary() {
            return ErrorSummary.of(errors.entries().stream()
                    .map(e -> ErrorSummary.Item.of(e.message(), e.href()))
                    .toList());
        }

        public boolean themeChosen(Theme t) {
            return typed.themes().contains(t.code());
        }
    }

    @GET
    public Response form(@PathParam("id") String reviewId) {
        Caller c = signedIn.withAnyRole(Role.LSCB_OFFICER, Role.LSCB_CHAIR);
        return Pages.page(
                "pages/library/publish.jte",
                chrome(),
                Map.of("view", view(c, reviewId, Typed.empty(), FormErrors.none(), List.of(), 0)));
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @org.lscb.server.library.BoundedUpload
    public Response publish(@PathParam("id") String reviewId, FormDataMultiPart form) {
        try {
            return publish(reviewId, PublicationResource.request(form));
        } finally {
            PublicationResource.discard(form);
        }
    }

    private Response publish(String reviewId, PublicationService.Request req) {
        Caller c = signedIn.withAnyRole(Role.LSCB_OFFICER, Role.LSCB_CHAIR);
        Typed typed = new Typed(
                req.title() == null ? "" : req.title(),
                req.themes(),
                req.ageBand() == null ? "" : req.ageBand(),
                req.year() == null ? "" : req.year());
        try {
            PublishedReport r = publications.publish(c, reviewId, req);
            return Pages.seeOther("/library/" + Pages.encode(r.id()));
        } catch (InvalidValueException e) {
            FormErrors errors = FormErrors.none().with(e.field(), label(e.field()) + " " + e.rule());
            return refused(400, c, reviewId, typed, errors, List.of(), 0);
        } catch (UnreadableReportException e) {
            FormErrors errors = FormErrors.none().with("report", e.getMessage());
            return refused(400, c, reviewId, typed, errors, List.of(), 0);
        } catch (PersonalDataFoundException e) {
            List<FindingRow> rows = e.findings().stream()
                    .limit(PersonalDataFoundException.SHOWN)
                    .map(l -> new FindingRow(
                            switch (l.document()) {
                                case "title" -> "Title";
                                case "report" -> "Final report";
                                default -> "Board's response";
                            },
                            l.document().equals("title")
                                    ? ""
                                    : l.unit() + " " + l.finding().page(),
                            l.finding()
                                    .kind()
                                    .name()
                                    .toLowerCase(java.util.Locale.ROOT)
                                    .replace('_', ' '),
                            l.finding().context()))
                    .toList();
            FormErrors errors = FormErrors.none()
                    .with("report", e.findings().size() + " pieces of personal data were found: nothing was published");
            return refused(409, c, reviewId, typed, errors, rows, e.findings().size());
        }
    }

    @POST
    @Path("withdrawal")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response withdraw(@PathParam("id") String reviewId, @FormParam("reason") String reason) {
        Caller c = signedIn.withAnyRole(Role.LSCB_OFFICER, Role.LSCB_CHAIR);
        try {
            publications.withdraw(c, reviewId, reason);
            return Pages.seeOther("/reviews/" + Pages.encode(reviewId) + "/publication");
        } catch (InvalidValueException e) {
            FormErrors errors = FormErrors.none().with("reason", "Enter why the report is withdrawn");
            return refused(400, c, reviewId, Typed.empty(), errors, List.of(), 0);
        }
    }

    private Response refused(
            int status, Caller c, String reviewId, Typed typed, FormErrors errors, List<FindingRow> rows, int count) {
        return Pages.page(
                status,
                "pages/library/publish.jte",
                chrome().withError(true),
                Map.of("view", view(c, reviewId, typed, errors, rows, count)));
    }

    private org.lscb.server.web.Chrome chrome() {
        return pages.chrome("Publish the final report", "reviews");
    }

    private View view(Caller c, String reviewId, Typed typed, FormErrors errors, List<FindingRow> rows, int count) {
        ReviewService.Seen seen = reviews.get(c, reviewId);
        Review r = seen.review();
        return new View(
                r.id(),
                r.reference(),
                r.pseudonym(),
                seen.relations().contains(org.lscb.reviews.ReviewAccess.Relation.LEAD_BOARD_CHAIR),
                publications.current(c, reviewId).orElse(null),
                typed,
                errors,
                rows,
                count,
                Arrays.asList(Theme.values()),
                Arrays.asList(AgeBand.values()));
    }

    private static String label(String field) {
        return switch (field) {
            case "title" -> "Title";
            case "themes" -> "Themes";
            case "ageBand" -> "Age of the child";
            case "year" -> "Year";
            case "redactionNames" -> "Names to look for";
            case "overrideReason" -> "Reason to publish over the findings";
            case "report" -> "Final report";
            case "response" -> "Board's response";
            default -> field;
        };
    }
}
