package org.lscb.server.web.review;

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
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.lscb.foundation.value.InvalidValueException;
import org.lscb.identity.account.Role;
import org.lscb.reviews.InterAgencyConcern;
import org.lscb.reviews.Review;
import org.lscb.reviews.ReviewAccess.Action;
import org.lscb.reviews.ReviewRuleException;
import org.lscb.reviews.ScrDecisionKind;
import org.lscb.reviews.ScrFacts;
import org.lscb.server.auth.Caller;
import org.lscb.server.review.ReviewService;
import org.lscb.server.web.Chrome;
import org.lscb.server.web.DateAnswer;
import org.lscb.server.web.FormErrors;
import org.lscb.server.web.Pages;
import org.lscb.server.web.component.BackLink;
import org.lscb.server.web.component.DateInput;
import org.lscb.server.web.component.ErrorSummary;
import org.lscb.server.web.component.Fieldset.Legend;
import org.lscb.server.web.component.Hint;
import org.lscb.server.web.component.Label;
import org.lscb.server.web.component.Radios;
import org.lscb.server.web.component.Radios.Item;
import org.lscb.server.web.component.TextOrHtml;
import org.lscb.server.web.component.Textarea;
import org.lscb.server.web.session.SignedIn;

/**
 * Recording the Chair's SCR decision on a notified serious case through the questions of regulation 5(2) of the
 * LSCB Regulations 2006 and [17, 18]: the same service call as {@code POST /api/v1/reviews/{id}/scr-decision}
 * ({@link ReviewService#decide}), for an officer of the lead board. The domain assesses the answers
 * ({@link org.lscb.reviews.ScrCriteria}); when they meet the criteria and the decision is not to commission an
 * SCR, its refusal shows on the form beside the decision (docs/domain.md "SCR decision support").
 */
@Path("reviews/{id}/scr-decision")
@Produces(MediaType.TEXT_HTML)
public class ScrDecisionForm {

    static final String TITLE = "Record the SCR decision";

    private SignedIn signedIn;
    private Pages pages;
    private ReviewService reviews;

    protected ScrDecisionForm() {}

    @Inject
    public ScrDecisionForm(SignedIn signedIn, Pages pages, ReviewService reviews) {
        this.signedIn = signedIn;
        this.pages = pages;
        this.reviews = reviews;
    }

    /** The answers as posted (codes and text), shown back on a form with errors. */
    record Answers(
            String abuse,
            String died,
            String harmed,
            String concern,
            String custody,
            String decision,
            String reason,
            DateAnswer decidedOn) {

        static Answers none(LocalDate today) {
            return new Answers(null, null, null, null, null, null, "", DateAnswer.of(today));
        }

        FormErrors errors() {
            FormErrors e = FormErrors.none();
            if (yesNo(abuse) == null) {
                e = e.with("abuse", "Select yes if abuse or neglect of the child is known or suspected");
            }
            if (yesNo(died) == null) {
                e = e.with("died", "Select yes if the child died");
            }
            if (yesNo(harmed) == null) {
                e = e.with("harmed", "Select yes if the child was seriously harmed");
            }
            if (code(InterAgencyConcern.class, concern) == null) {
                e = e.with(
                        "concern", "Select whether there is cause for concern about how organisations worked together");
            }
            if (yesNo(custody) == null) {
                e = e.with("custody", "Select yes if the child died in custody or detained under mental health law");
            }
            if (code(ScrDecisionKind.class, decision) == null) {
                e = e.with("decision", "Select the Chair's decision");
            }
            if (reason == null || reason.isBlank()) {
                e = e.with("reason", "Enter the reason for the Chair's decision");
            }
            String date = decidedOn.problem("the date of the decision");
            if (date != null) {
                e = e.with("decided-on-day", date);
            }
            return e;
        }

        ScrFacts facts() {
            return new ScrFacts(
                    yesNo(abuse), yesNo(died), yesNo(harmed), code(InterAgencyConcern.class, concern), yesNo(custody));
        }
    }

    /** The form as the template shows it: each question a GOV.UK component with its answer and error. */
    public record DecisionForm(
            String reviewId,
            String reference,
            String pseudonym,
            BackLink back,
            ErrorSummary errorSummary,
            List<Radios> facts,
            Radios decision,
            Textarea reason,
            DateInput decidedOn) {}

    @GET
    public Response form(@PathParam("id") String id) {
        Caller c = signedIn.withAnyRole(Role.LSCB_CHAIR);
        Review r = reviews.allowedTo(c, id, Action.DECIDE).review();
        return page(200, r, Answers.none(reviews.today()), FormErrors.none());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(
            @PathParam("id") String id,
            @FormParam("abuse") String abuse,
            @FormParam("died") String died,
            @FormParam("harmed") String harmed,
            @FormParam("concern") String concern,
            @FormParam("custody") String custody,
            @FormParam("decision") String decision,
            @FormParam("reason") String reason,
            @FormParam("decided-on-day") String day,
            @FormParam("decided-on-month") String month,
            @FormParam("decided-on-year") String year) {
        Caller c = signedIn.withAnyRole(Role.LSCB_CHAIR);
        Review r = reviews.allowedTo(c, id, Action.DECIDE).review();
        Answers a =
                new Answers(abuse, died, harmed, concern, custody, decision, reason, new DateAnswer(day, month, year));
        FormErrors errors = a.errors();
        if (!errors.isEmpty()) {
            return page(400, r, a, errors);
        }
        try {
            reviews.decide(
                    c,
                    id,
                    a.facts(),
                    code(ScrDecisionKind.class, decision),
                    reason,
                    a.decidedOn().date().orElseThrow());
        } catch (InvalidValueException e) {
            String field = FIELDS.get(e.field());
            if (field == null) {
                throw e;
            }
            return page(400, r, a, FormErrors.none().with(field, FormErrors.refusal(LABELS.get(e.field()), e)));
        } catch (ReviewRuleException e) {
            // the answers meet the criteria and the decision is not to commission: the rule speaks on the form
            if (!"scr_required".equals(e.code())) {
                throw e;
            }
            return page(400, r, a, FormErrors.none().with("decision", e.getMessage()));
        }
        return Pages.seeOther("/reviews/" + id + "?done=decision");
    }

    /** The domain's fields that are answers on this form, and the form's field each error links to. */
    private static final Map<String, String> FIELDS = Map.of(
            "facts.diedInCustody", "custody",
            "reason", "reason",
            "decidedOn", "decided-on-day");

    private static final Map<String, String> LABELS = Map.of(
            "facts.diedInCustody", "A death in custody",
            "reason", "The reason",
            "decidedOn", "The date of the decision");

    private Response page(int status, Review r, Answers a, FormErrors errors) {
        Chrome chrome = pages.chrome(TITLE, "reviews").withError(!errors.isEmpty());
        return Pages.page(status, "pages/review/scr-decision.jte", chrome, Map.of("form", form(r, a, errors)));
    }

    private static DecisionForm form(Review r, Answers a, FormErrors e) {
        List<Radios> facts = List.of(
                yesNo(
                        "abuse",
                        "Is abuse or neglect of the child known or suspected?",
                        "Regulation 5(2)(a). If not, the SCR criteria are not met, unless the child died in custody.",
                        a.abuse(),
                        e),
                yesNo("died", "Did the child die?", "Regulation 5(2)(b)(i).", a.died(), e),
                yesNo(
                        "harmed",
                        "Was the child seriously harmed?",
                        "Regulation 5(2)(b)(ii). Answer this whether or not the child died.",
                        a.harmed(),
                        e),
                new Radios(
                                "concern",
                                null,
                                List.of(
                                        item(
                                                "YES",
                                                "Yes",
                                                "About how the local authority, its board partners or others worked"
                                                        + " together to safeguard the child."),
                                        item("NO", "No, it is clear there is none", null),
                                        item(
                                                "UNCLEAR",
                                                "Not clear either way",
                                                "Unless it is clear that there is no concern, the guidance counts it"
                                                        + " as one [18].")),
                                a.concern(),
                                org.lscb.server.web.component.Fieldset.of(
                                        legend("Is there cause for concern about how organisations worked together"
                                                + " to safeguard the child?"),
                                        null),
                                Hint.of("Regulation 5(2)(b)(ii) and [18]."),
                                null,
                                null,
                                null)
                        .withError(e.errorFor("concern")),
                yesNo(
                        "custody",
                        "Did the child die in custody, or while detained under mental health law?",
                        "In police custody, on remand or after sentence, in a young offender institution, a secure"
                                + " training centre or a secure children's home, or detained under the Mental Health"
                                + " Act [17].",
                        a.custody(),
                        e));
        Radios decision = new Radios(
                        "decision",
                        null,
                        List.of(
                                item(
                                        ScrDecisionKind.COMMISSION_SCR.name(),
                                        ReviewWords.decision(ScrDecisionKind.COMMISSION_SCR.name()),
                                        "The only decision when the criteria are met [17, 18]."),
                                item(
                                        ScrDecisionKind.MANAGEMENT_REVIEW.name(),
                                        ReviewWords.decision(ScrDecisionKind.MANAGEMENT_REVIEW.name()),
                                        "Only when the criteria are not met: the board reviews the case for learning"
                                                + " [18, 19]."),
                                item(
                                        ScrDecisionKind.NO_REVIEW.name(),
                                        ReviewWords.decision(ScrDecisionKind.NO_REVIEW.name()),
                                        "Only when the criteria are not met: this review closes.")),
                        a.decision(),
                        org.lscb.server.web.component.Fieldset.of(
                                new Legend(
                                        TextOrHtml.text("What did the Chair decide?"),
                                        false,
                                        "govuk-fieldset__legend--m"),
                                null),
                        Hint.of("The final decision rests with the LSCB Chair [7, 18]."),
                        null,
                        null,
                        null)
                .withError(e.errorFor("decision"));
        Textarea reason = Textarea.of(
                        "reason",
                        new Label(TextOrHtml.text("The Chair's reason"), null, false, "govuk-label--s", null),
                        a.reason() == null ? "" : a.reason())
                .withHint(Hint.of("Recorded with the decision and in the review's audit log."))
                .withError(e.errorFor("reason"));
        DateInput decidedOn = a.decidedOn()
                .input(
                        "decided-on",
                        new Legend(TextOrHtml.text("When did the Chair decide?"), false, "govuk-fieldset__legend--s"),
                        e.errorFor("decided-on-day"));
        return new DecisionForm(
                r.id(),
                r.reference(),
                r.pseudonym(),
                BackLink.to("/reviews/" + r.id()),
                e.isEmpty() ? null : e.summary(),
                facts,
                decision,
                reason,
                decidedOn);
    }

    private static Radios yesNo(String name, String question, String hint, String value, FormErrors e) {
        return new Radios(
                        name,
                        null,
                        List.of(Item.of("yes", "Yes"), Item.of("no", "No")),
                        value,
                        org.lscb.server.web.component.Fieldset.of(legend(question), null),
                        Hint.of(hint),
                        null,
                        "govuk-radios--inline",
                        null)
                .withError(e.errorFor(name));
    }

    private static Legend legend(String text) {
        return new Legend(TextOrHtml.text(text), false, "govuk-fieldset__legend--s");
    }

    private static Item item(String value, String text, String hint) {
        return new Item(
                value, TextOrHtml.text(text), hint == null ? null : Hint.of(hint), null, false, null, null, null);
    }

    private static Boolean yesNo(String answer) {
        return "yes".equals(answer) ? Boolean.TRUE : "no".equals(answer) ? Boolean.FALSE : null;
    }

    private static <E extends Enum<E>> E code(Class<E> type, String value) {
        if (value == null) {
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(value)) {
                return e;
            }
        }
        return null;
    }
}
