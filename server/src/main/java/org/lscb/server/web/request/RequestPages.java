package org.lscb.server.web.request;

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
import org.lscb.exchange.store.DocumentType;
import org.lscb.foundation.value.InvalidValueException;
import org.lscb.identity.account.Role;
import org.lscb.server.auth.Caller;
import org.lscb.server.request.DocumentRequests;
import org.lscb.server.web.DateAnswer;
import org.lscb.server.web.FormErrors;
import org.lscb.server.web.Pages;
import org.lscb.server.web.Words;
import org.lscb.server.web.component.DateInput;
import org.lscb.server.web.component.ErrorMessage;
import org.lscb.server.web.component.ErrorSummary;
import org.lscb.server.web.component.Fieldset;
import org.lscb.server.web.component.Hint;
import org.lscb.server.web.component.Label;
import org.lscb.server.web.component.Radios;
import org.lscb.server.web.component.Select;
import org.lscb.server.web.component.TextOrHtml;
import org.lscb.server.web.component.Textarea;
import org.lscb.server.web.session.SignedIn;

/**
 * Document requests in the browser: an officer of the lead board asks one of the review's organisations for a
 * document by a day ({@code POST /api/v1/reviews/{id}/requests}), and an agency user sees what is still asked
 * of their organisation ({@code GET /api/v1/requests}), both through {@link DocumentRequests}.
 */
@Path("")
@Produces(MediaType.TEXT_HTML)
public class RequestPages {

    private SignedIn signedIn;
    private Pages pages;
    private DocumentRequests requests;

    protected RequestPages() {}

    @Inject
    public RequestPages(SignedIn signedIn, Pages pages, DocumentRequests requests) {
        this.signedIn = signedIn;
        this.pages = pages;
        this.requests = requests;
    }

    /** The request form's answers as typed, and what is wrong with them. */
    public record RequestForm(String organisationId, String type, DateAnswer dueOn, String note, FormErrors errors) {

        static RequestForm empty() {
            return new RequestForm("", "", DateAnswer.empty(), "", FormErrors.none());
        }
    }

    /** The form page: the review, the organisations it involves, the document types, the answers. */
    public record AskPage(DocumentRequests.Askable review, List<String> types, RequestForm form) {

        public ErrorSummary errorSummary() {
            return ErrorSummary.of(form.errors().entries().stream()
                    .map(e -> ErrorSummary.Item.of(e.message(), e.href()))
                    .toList());
        }

        public Select organisation() {
            List<Select.Item> items = new java.util.ArrayList<>();
            items.add(Select.Item.of("", "Choose an organisation"));
            review.organisations().forEach(o -> items.add(Select.Item.of(o.id(), o.name())));
            return Select.of("organisationId", Label.of("Organisation to ask"), items, form.organisationId())
                    .withError(error("organisationId"));
        }

        public Radios type() {
            return Radios.of(
                            "type",
                            new Fieldset.Legend(TextOrHtml.text("Document"), false, "govuk-fieldset__legend--m"),
                            types.stream()
                                    .map(t -> Radios.Item.of(t, Words.documentType(t)))
                                    .toList(),
                            form.type())
                    .withError(error("type"));
        }

        public DateInput dueOn() {
            return form.dueOn()
                    .input(
                            "dueOn",
                            new Fieldset.Legend(TextOrHtml.text("Due date"), false, "govuk-fieldset__legend--m"),
                            error("dueOn-day"));
        }

        public Textarea note() {
            return Textarea.of("note", Label.of("Note (optional)"), form.note())
                    .withHint(Hint.of("What the document should cover, and who to contact about it"))
                    .withError(error("note"));
        }

        private ErrorMessage error(String field) {
            return form.errors().errorFor(field);
        }
    }

    @GET
    @Path("reviews/{id}/requests/new")
    public Response form(@PathParam("id") String reviewId) {
        Caller c = signedIn.withAnyRole(Role.LSCB_OFFICER);
        return askPage(200, requests.askable(c, reviewId), RequestForm.empty());
    }

    @POST
    @Path("reviews/{id}/requests/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response ask(
            @PathParam("id") String reviewId,
            @FormParam("organisationId") String organisationId,
            @FormParam("type") String type,
            @FormParam("dueOn-day") String day,
            @FormParam("dueOn-month") String month,
            @FormParam("dueOn-year") String year,
            @FormParam("note") String note) {
        Caller c = signedIn.withAnyRole(Role.LSCB_OFFICER);
        // the form is offered only to whom the service would let ask: a refusal is the 404 or 403 page
        DocumentRequests.Askable askable = requests.askable(c, reviewId);
        RequestForm typed = new RequestForm(
                trim(organisationId), trim(type), new DateAnswer(day, month, year), note == null ? "" : note, null);
        FormErrors errors = FormErrors.none();
        if (typed.organisationId().isEmpty()) {
            errors = errors.with("organisationId", "Select the organisation to ask");
        }
        DocumentType documentType = null;
        if (typed.type().isEmpty()) {
            errors = errors.with("type", "Select the document you are asking for");
        } else {
            documentType = Arrays.stream(DocumentType.values())
                    .filter(t -> t.name().equals(typed.type()))
                    .findFirst()
                    .orElse(null);
            if (documentType == null) {
                errors = errors.with("type", "Select one of the documents listed");
            }
        }
        String dueOnProblem = typed.dueOn().problem("the date the document is due");
        if (dueOnProblem != null) {
            errors = errors.with("dueOn-day", dueOnProblem);
        }
        if (errors.isEmpty()) {
            try {
                requests.ask(
                        c,
                        reviewId,
                        new DocumentRequests.Asking(
                                typed.organisationId(),
                                documentType,
                                typed.dueOn().date().orElseThrow(),
                                note));
                return Pages.seeOther("/reviews/" + Pages.encode(reviewId) + "/documents?requested");
            } catch (InvalidValueException e) {
                errors = errors.with(fieldOf(e.field()), sentence(e));
            }
        }
        return askPage(
                400,
                askable,
                new RequestForm(typed.organisationId(), typed.type(), typed.dueOn(), typed.note(), errors));
    }

    /** What the page shows of what is still asked of the person's organisation. */
    public record AskedPage(List<DocumentRequests.Status> requests) {}

    @GET
    @Path("requests")
    public Response askedOfYou() {
        Caller c = signedIn.withAnyRole(Role.AGENCY_USER);
        AskedPage view = new AskedPage(requests.askedOfCaller(c));
        return Pages.page(
                "pages/request/asked.jte",
                pages.chrome("Asked of your organisation", "requests"),
                Map.of("view", view));
    }

    private Response askPage(int status, DocumentRequests.Askable askable, RequestForm form) {
        AskPage view = new AskPage(
                askable, Arrays.stream(DocumentType.values()).map(Enum::name).toList(), form);
        return Pages.page(
                status,
                "pages/request/new.jte",
                pages.chrome("Ask for a document", "reviews")
                        .withError(!form.errors().isEmpty()),
                Map.of("view", view));
    }

    /** The form field that shows a refusal of the service's field. */
    private static String fieldOf(String serviceField) {
        return switch (serviceField) {
            case "dueOn" -> "dueOn-day";
            case "type", "note" -> serviceField;
            default -> "organisationId";
        };
    }

    /** The service's refusal as a sentence about the form's field: "The due date must be today or later". */
    private static String sentence(InvalidValueException e) {
        String message =
                e.getMessage().substring(e.getMessage().indexOf(':') + 1).strip();
        String label = switch (e.field()) {
            case "dueOn" -> "The due date";
            case "type" -> "The document type";
            case "note" -> "The note";
            default -> "The organisation";
        };
        return label + " " + message;
    }

    private static String trim(String s) {
        return s == null ? "" : s.strip();
    }
}
