package org.lscb.server.web.action;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.lscb.foundation.value.InvalidValueException;
import org.lscb.identity.account.Role;
import org.lscb.reviews.ReviewRuleException;
import org.lscb.reviews.action.ActionStatus;
import org.lscb.reviews.action.ImprovementAction;
import org.lscb.server.action.ImprovementActions;
import org.lscb.server.auth.Caller;
import org.lscb.server.web.DateAnswer;
import org.lscb.server.web.FormErrors;
import org.lscb.server.web.Pages;
import org.lscb.server.web.action.ActionScreens.ActionPage;
import org.lscb.server.web.action.ActionScreens.ActionsPage;
import org.lscb.server.web.action.ActionScreens.PlanForm;
import org.lscb.server.web.action.ActionScreens.PlanPage;
import org.lscb.server.web.action.ActionScreens.ProgressForm;
import org.lscb.server.web.session.SignedIn;

/**
 * Action plans in the browser, each page a view of one {@link ImprovementActions} call as the API's
 * (docs/api.md "Action plans"): a review's plan with the form that adds an action ({@code GET/POST
 * /api/v1/reviews/{id}/actions}); the board's actions, or an agency's own, with the overdue ones on their own
 * ({@code GET /api/v1/actions?overdue=true}); one action with the form that reports its progress
 * ({@code GET/PUT /api/v1/actions/{id}}).
 */
@Path("")
@Produces(MediaType.TEXT_HTML)
public class ActionPages {

    private static final Role[] FOLLOWERS = {Role.LSCB_OFFICER, Role.LSCB_CHAIR, Role.AGENCY_USER};

    private SignedIn signedIn;
    private Pages pages;
    private ImprovementActions actions;

    protected ActionPages() {}

    @Inject
    public ActionPages(SignedIn signedIn, Pages pages, ImprovementActions actions) {
        this.signedIn = signedIn;
        this.pages = pages;
        this.actions = actions;
    }

    @GET
    @Path("reviews/{id}/actions")
    public Response plan(@PathParam("id") String reviewId, @QueryParam("added") String added) {
        Caller c = signedIn.withAnyRole(FOLLOWERS);
        return planPage(200, actions.plan(c, reviewId), PlanForm.empty(), added != null);
    }

    @POST
    @Path("reviews/{id}/actions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(
            @PathParam("id") String reviewId,
            @FormParam("recommendation") String recommendation,
            @FormParam("organisationId") String organisationId,
            @FormParam("change") String change,
            @FormParam("dueOn-day") String day,
            @FormParam("dueOn-month") String month,
            @FormParam("dueOn-year") String year) {
        Caller c = signedIn.withAnyRole(FOLLOWERS); // another board's agency user is told there is no such review
        ImprovementActions.Plan plan = actions.plan(c, reviewId);
        if (!plan.mayCreate()) {
            throw new jakarta.ws.rs.ForbiddenException();
        }
        PlanForm typed = new PlanForm(
                text(recommendation), text(organisationId), text(change), new DateAnswer(day, month, year), null);
        FormErrors errors = FormErrors.none();
        if (typed.recommendation().isBlank()) {
            errors = errors.with("recommendation", "Enter the recommendation the action answers");
        }
        if (typed.organisationId().isEmpty()) {
            errors = errors.with("organisationId", "Select the organisation that owns the action");
        }
        if (typed.change().isBlank()) {
            errors = errors.with("change", "Enter what is to change");
        }
        String dueProblem = typed.dueOn().problem("the date the action is due");
        if (dueProblem != null) {
            errors = errors.with("dueOn-day", dueProblem);
        }
        if (errors.isEmpty()) {
            try {
                actions.create(
                        c,
                        reviewId,
                        new ImprovementAction.Plan(
                                typed.recommendation(),
                                typed.organisationId(),
                                typed.change(),
                                typed.dueOn().date().orElseThrow()));
                return Pages.seeOther("/reviews/" + Pages.encode(reviewId) + "/actions?added");
            } catch (InvalidValueException e) {
                String field = e.field().equals("dueOn") ? "dueOn-day" : e.field();
                errors = errors.with(field, ActionScreens.label(e.field()) + " " + e.rule());
            }
        }
        return planPage(400, plan, typed.withErrors(errors), false);
    }

    @GET
    @Path("actions")
    public Response list(@QueryParam("overdue") String overdue) {
        Caller c = signedIn.withAnyRole(FOLLOWERS);
        boolean overdueOnly = "true".equals(overdue);
        ActionsPage view = new ActionsPage(
                actions.list(c, null, overdueOnly), overdueOnly, c.has(Role.AGENCY_USER) && !c.has(Role.LSCB_OFFICER));
        return Pages.page("pages/action/list.jte", pages.chrome(view.title(), "actions"), Map.of("view", view));
    }

    @GET
    @Path("actions/{actionId}")
    public Response action(@PathParam("actionId") String actionId, @QueryParam("updated") String updated) {
        Caller c = signedIn.withAnyRole(FOLLOWERS);
        ImprovementActions.Editing editing = actions.editing(c, actionId);
        return actionPage(200, editing, ProgressForm.of(editing.status().action()), updated != null);
    }

    @POST
    @Path("actions/{actionId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(
            @PathParam("actionId") String actionId,
            @FormParam("status") String status,
            @FormParam("reason") String reason,
            @FormParam("evidenceDocumentId") String evidenceDocumentId,
            @FormParam("evidenceNote") String evidenceNote) {
        Caller c = signedIn.withAnyRole(FOLLOWERS);
        ImprovementActions.Editing editing = actions.editing(c, actionId);
        if (!editing.mayUpdate()) {
            throw new jakarta.ws.rs.ForbiddenException();
        }
        ProgressForm typed =
                new ProgressForm(text(status), text(reason), text(evidenceDocumentId), text(evidenceNote), null);
        FormErrors errors = FormErrors.none();
        ActionStatus to = null;
        for (ActionStatus s : ActionStatus.values()) {
            if (s.name().equals(typed.status())) {
                to = s;
            }
        }
        if (to == null) {
            errors = errors.with("status", "Select where the action stands");
        } else {
            try {
                actions.update(
                        c,
                        actionId,
                        new ImprovementActions.Change(
                                new ImprovementAction.Plan(null, null, null, null),
                                new ImprovementAction.Progress(
                                        to, typed.reason(), typed.evidenceDocumentId(), typed.evidenceNote())));
                return Pages.seeOther("/actions/" + Pages.encode(actionId) + "?updated");
            } catch (InvalidValueException e) {
                String field = e.field().equals("evidence") ? "evidenceNote" : e.field();
                errors = errors.with(field, ActionScreens.label(e.field()) + " " + e.rule());
            } catch (ReviewRuleException e) {
                errors = errors.with("status", ActionScreens.sentence(e.getMessage()));
            }
        }
        return actionPage(400, editing, typed.withErrors(errors), false);
    }

    private Response planPage(int status, ImprovementActions.Plan plan, PlanForm form, boolean added) {
        PlanPage view = new PlanPage(plan, form, added);
        return Pages.page(
                status,
                "pages/action/plan.jte",
                pages.chrome("Action plan", "reviews").withError(!form.errors().isEmpty()),
                Map.of("view", view));
    }

    private Response actionPage(int status, ImprovementActions.Editing editing, ProgressForm form, boolean updated) {
        ActionPage view = new ActionPage(editing, form, updated);
        return Pages.page(
                status,
                "pages/action/action.jte",
                pages.chrome("Action", "actions").withError(!form.errors().isEmpty()),
                Map.of("view", view));
    }

    private static String text(String s) {
        return s == null ? "" : s.strip();
    }
}
