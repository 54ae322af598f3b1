package org.lscb.server.web.review;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.lscb.foundation.value.InvalidValueException;
import org.lscb.identity.account.Role;
import org.lscb.reviews.ClockKind;
import org.lscb.reviews.Review;
import org.lscb.reviews.ReviewAccess.Action;
import org.lscb.server.auth.Caller;
import org.lscb.server.review.ReviewService;
import org.lscb.server.review.ReviewService.ClockMove;
import org.lscb.server.web.Chrome;
import org.lscb.server.web.DateAnswer;
import org.lscb.server.web.FormErrors;
import org.lscb.server.web.Pages;
import org.lscb.server.web.Words;
import org.lscb.server.web.component.BackLink;
import org.lscb.server.web.component.DateInput;
import org.lscb.server.web.component.ErrorSummary;
import org.lscb.server.web.component.Fieldset.Legend;
import org.lscb.server.web.component.Hint;
import org.lscb.server.web.component.Label;
import org.lscb.server.web.component.TextOrHtml;
import org.lscb.server.web.component.Textarea;
import org.lscb.server.web.session.SignedIn;

/**
 * Pausing a statutory clock with its reason, and resuming it: the same service call as
 * {@code POST /api/v1/reviews/{id}/clocks/{clock}} with {@code PAUSE} or {@code RESUME}
 * ({@link ReviewService#moveClock}), for an officer of the lead board. Only the clocks the guidance lets wait
 * have these forms ({@link ClockKind#pausable()}: the SCR's completion for related court proceedings, SCR
 * checklist "Timescale for SCR completion"; the coroner's joint report while crucial information is not yet
 * available [37]); any other is "Page not found". The domain's refusal of a date or reason shows on the form.
 */
@Path("reviews/{id}/clocks/{clock}")
@Produces(MediaType.TEXT_HTML)
public class ClockForms {

    private SignedIn signedIn;
    private Pages pages;
    private ReviewService reviews;

    protected ClockForms() {}

    @Inject
    public ClockForms(SignedIn signedIn, Pages pages, ReviewService reviews) {
        this.signedIn = signedIn;
        this.pages = pages;
        this.reviews = reviews;
    }

    /** The pause or resume form as the template shows it. */
    public record ClockForm(
            String action,
            String reference,
            String pseudonym,
            String clock,
            BackLink back,
            ErrorSummary errorSummary,
            DateInput on,
            Textarea reason,
            String button) {}

    @GET
    @Path("pause")
    public Response pauseForm(@PathParam("id") String id, @PathParam("clock") String clock) {
        Caller c = signedIn.withAnyRole(Role.LSCB_OFFICER);
        ClockKind kind = pausable(clock);
        Review r = reviews.allowedTo(c, id, Action.MANAGE).review();
        return page(200, ClockMove.PAUSE, r, kind, DateAnswer.of(reviews.today()), "", FormErrors.none());
    }

    @POST
    @Path("pause")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response pause(
            @PathParam("id") String id,
            @PathParam("clock") String clock,
            @FormParam("on-day") String day,
            @FormParam("on-month") String month,
            @FormParam("on-year") String year,
            @FormParam("reason") String reason) {
        return move(id, clock, ClockMove.PAUSE, new DateAnswer(day, month, year), reason == null ? "" : reason);
    }

    @GET
    @Path("resume")
    public Response resumeForm(@PathParam("id") String id, @PathParam("clock") String clock) {
        Caller c = signedIn.withAnyRole(Role.LSCB_OFFICER);
        ClockKind kind = pausable(clock);
        Review r = reviews.allowedTo(c, id, Action.MANAGE).review();
        return page(200, ClockMove.RESUME, r, kind, DateAnswer.of(reviews.today()), null, FormErrors.none());
    }

    @POST
    @Path("resume")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response resume(
            @PathParam("id") String id,
            @PathParam("clock") String clock,
            @FormParam("on-day") String day,
            @FormParam("on-month") String month,
            @FormParam("on-year") String year) {
        return move(id, clock, ClockMove.RESUME, new DateAnswer(day, month, year), null);
    }

    private Response move(String id, String clock, ClockMove move, DateAnswer on, String reason) {
        Caller c = signedIn.withAnyRole(Role.LSCB_OFFICER);
        ClockKind kind = pausable(clock);
        Review r = reviews.allowedTo(c, id, Action.MANAGE).review();
        boolean pause = move == ClockMove.PAUSE;
        FormErrors errors = FormErrors.none();
        String date = on.problem(pause ? "the date the pause starts" : "the date the pause ended");
        if (date != null) {
            errors = errors.with("on-day", date);
        }
        if (pause && reason.isBlank()) {
            errors = errors.with("reason", "Enter why the clock is paused");
        }
        if (!errors.isEmpty()) {
            return page(400, move, r, kind, on, reason, errors);
        }
        try {
            reviews.moveClock(c, id, kind, move, on.date().orElseThrow(), reason);
        } catch (InvalidValueException e) {
            String field = FIELDS.get(e.field());
            if (field == null) {
                throw e;
            }
            String label = "on".equals(e.field()) ? (pause ? "The date the pause starts" : "The date") : "The reason";
            return page(400, move, r, kind, on, reason, FormErrors.none().with(field, FormErrors.refusal(label, e)));
        }
        return Pages.seeOther("/reviews/" + id + "?done=" + (pause ? "paused" : "resumed"));
    }

    /** The domain's fields that are answers on these forms, and the form's field each error links to. */
    private static final Map<String, String> FIELDS = Map.of("on", "on-day", "reason", "reason");

    /** The clock a path names, when the guidance lets it pause; otherwise there is no such page. */
    private static ClockKind pausable(String segment) {
        ClockKind kind = ReviewWords.clock(segment);
        if (kind == null || !kind.pausable()) {
            throw new NotFoundException();
        }
        return kind;
    }

    private Response page(
            int status, ClockMove move, Review r, ClockKind kind, DateAnswer on, String reason, FormErrors e) {
        boolean pause = move == ClockMove.PAUSE;
        String clock = Words.clock(kind.name());
        String title = (pause ? "Pause the clock: " : "Resume the clock: ") + clock;
        Chrome chrome = pages.chrome(title, "reviews").withError(!e.isEmpty());
        DateInput date = on.input(
                "on",
                new Legend(
                        TextOrHtml.text(pause ? "When does the pause start?" : "When did the pause end?"),
                        false,
                        "govuk-fieldset__legend--s"),
                e.errorFor("on-day"));
        Textarea why = !pause
                ? null
                : Textarea.of(
                                "reason",
                                new Label(
                                        TextOrHtml.text("Why is the clock paused?"),
                                        null,
                                        false,
                                        "govuk-label--s",
                                        null),
                                reason)
                        .withHint(Hint.of(
                                kind == ClockKind.SCR_COMPLETION
                                        ? "For example, related court proceedings (SCR checklist: Timescale for SCR"
                                                + " completion)."
                                        : "For example, crucial information is not yet available [37]."))
                        .withError(e.errorFor("reason"));
        ClockForm form = new ClockForm(
                "/reviews/" + r.id() + "/clocks/" + ReviewWords.path(kind) + (pause ? "/pause" : "/resume"),
                r.reference(),
                r.pseudonym(),
                clock,
                BackLink.to("/reviews/" + r.id()),
                e.isEmpty() ? null : e.summary(),
                date,
                why,
                pause ? "Pause the clock" : "Resume the clock");
        return Pages.page(status, "pages/review/clock.jte", chrome, Map.of("form", form));
    }
}
