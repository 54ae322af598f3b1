package org.lscb.server.web.action;

import java.util.ArrayList;
import java.util.List;
import org.lscb.reviews.action.ActionStatus;
import org.lscb.reviews.action.ImprovementAction;
import org.lscb.server.action.ImprovementActions;
import org.lscb.server.web.DateAnswer;
import org.lscb.server.web.FormErrors;
import org.lscb.server.web.Words;
import org.lscb.server.web.component.DateInput;
import org.lscb.server.web.component.ErrorSummary;
import org.lscb.server.web.component.Fieldset;
import org.lscb.server.web.component.Hint;
import org.lscb.server.web.component.Label;
import org.lscb.server.web.component.NotificationBanner;
import org.lscb.server.web.component.Radios;
import org.lscb.server.web.component.Select;
import org.lscb.server.web.component.SummaryList;
import org.lscb.server.web.component.SummaryList.Row;
import org.lscb.server.web.component.TextOrHtml;
import org.lscb.server.web.component.Textarea;

/** The action plan pages' content as GOV.UK components, formatted from {@link ImprovementActions}' answers. */
public final class ActionScreens {

    private ActionScreens() {}

    /** The new action form's answers as typed, and what is wrong with them. */
    public record PlanForm(
            String recommendation, String organisationId, String change, DateAnswer dueOn, FormErrors errors) {

        static PlanForm empty() {
            return new PlanForm("", "", "", DateAnswer.empty(), FormErrors.none());
        }

        PlanForm withErrors(FormErrors e) {
            return new PlanForm(recommendation, organisationId, change, dueOn, e);
        }
    }

    /** A review's action plan and, for the lead board, the form that adds an action. */
    public record PlanPage(ImprovementActions.Plan plan, PlanForm form, boolean added) {

        public NotificationBanner banner() {
            return added ? NotificationBanner.success("Action added") : null;
        }

        public ErrorSummary errorSummary() {
            return form.errors().summary();
        }

        public List<SummaryList> actions() {
            return plan.actions().stream().map(ActionScreens::card).toList();
        }

        public Textarea recommendation() {
            return Textarea.of("recommendation", Label.of("Recommendation"), form.recommendation())
                    .withHint(Hint.of("The review's recommendation this action answers"))
                    .withError(form.errors().errorFor("recommendation"));
        }

        public Select organisation() {
            List<Select.Item> items = new ArrayList<>();
            items.add(Select.Item.of("", "Choose an organisation"));
            plan.owners().forEach(o -> items.add(Select.Item.of(o.id(), o.name())));
            return Select.of(
                            "organisationId",
                            Label.of("Organisation that owns the action"),
                            items,
                            form.organisationId())
                    .withError(form.errors().errorFor("organisationId"));
        }

        public Textarea change() {
            return Textarea.of("change", Label.of("What is to change"), form.change())
                    .withError(form.errors().errorFor("change"));
        }

        public DateInput dueOn() {
            return form.dueOn()
                    .input(
                            "dueOn",
                            new Fieldset.Legend(TextOrHtml.text("Due date"), false, "govuk-fieldset__legend--s"),
                            form.errors().errorFor("dueOn-day"));
        }
    }

    /** The board's actions or an agency's own, all or only the overdue ones. */
    public record ActionsPage(List<ImprovementActions.Status> actions, boolean overdueOnly, boolean agency) {

        public String title() {
            String whose = agency ? "Your organisation's actions" : "Your board's actions";
            return overdueOnly ? whose + ": overdue" : whose;
        }

        public List<SummaryList> cards() {
            return actions.stream().map(ActionScreens::card).toList();
        }
    }

    /** The progress form's answers as typed (or as the action stands), and what is wrong with them. */
    public record ProgressForm(
            String status, String reason, String evidenceDocumentId, String evidenceNote, FormErrors errors) {

        static ProgressForm of(ImprovementAction a) {
            return new ProgressForm(
                    a.status().name(),
                    a.reason().orElse(""),
                    a.evidenceDocumentId().orElse(""),
                    a.evidenceNote().orElse(""),
                    FormErrors.none());
        }

        ProgressForm withErrors(FormErrors e) {
            return new ProgressForm(status, reason, evidenceDocumentId, evidenceNote, e);
        }
    }

    /** One action and, for the lead board's officers and the owner, the form that reports progress. */
    public record ActionPage(ImprovementActions.Editing editing, ProgressForm form, boolean updated) {

        public NotificationBanner banner() {
            return updated ? NotificationBanner.success("Action updated") : null;
        }

        public ErrorSummary errorSummary() {
            return form.errors().summary();
        }

        public SummaryList summary() {
            return card(editing.status());
        }

        public Radios status() {
            return Radios.of(
                            "status",
                            new Fieldset.Legend(
                                    TextOrHtml.text("Where the action stands"), false, "govuk-fieldset__legend--m"),
                            java.util.Arrays.stream(ActionStatus.values())
                                    .map(s -> Radios.Item.of(s.name(), statusWords(s)))
                                    .toList(),
                            form.status())
                    .withError(form.errors().errorFor("status"));
        }

        public Textarea reason() {
            return Textarea.of("reason", Label.of("Reason, if it will not be done"), form.reason())
                    .withError(form.errors().errorFor("reason"));
        }

        public Select evidenceDocument() {
            List<Select.Item> items = new ArrayList<>();
            items.add(Select.Item.of("", "No document"));
            editing.documents().forEach(d -> items.add(Select.Item.of(d.id(), d.title())));
            return Select.of(
                            "evidenceDocumentId",
                            Label.of("Evidence of impact: a document sent to the review"),
                            items,
                            form.evidenceDocumentId())
                    .withError(form.errors().errorFor("evidenceDocumentId"));
        }

        public Textarea evidenceNote() {
            return Textarea.of("evidenceNote", Label.of("Evidence of impact: a short note"), form.evidenceNote())
                    .withHint(Hint.of("At most " + ImprovementAction.MAX_EVIDENCE_NOTE
                            + " characters. A done action needs a document or a note."))
                    .withError(form.errors().errorFor("evidenceNote"));
        }
    }

    /** One action as a summary card, its title the change, its status a tag. */
    static SummaryList card(ImprovementActions.Status s) {
        ImprovementAction a = s.action();
        List<Row> rows = new ArrayList<>();
        rows.add(Row.of("Review", s.reviewReference() + " (" + s.reviewPseudonym() + ")"));
        rows.add(Row.of("Recommendation", a.recommendation()));
        rows.add(Row.of("Owner", s.organisationName()));
        rows.add(Row.of("Due", Words.day(a.dueOn().toString()) + (s.overdue() ? " (overdue)" : "")));
        rows.add(Row.of("Status", statusWords(a.status())));
        a.reason().ifPresent(r -> rows.add(Row.of("Reason not done", r)));
        s.evidenceDocumentTitle().ifPresent(t -> rows.add(Row.of("Evidence document", t)));
        a.evidenceNote().ifPresent(n -> rows.add(Row.of("Evidence note", n)));
        SummaryList.Card card = SummaryList.Card.of(
                a.change(), SummaryList.Action.of("Open", "/actions/" + a.id(), "the action " + a.change()));
        return new SummaryList(rows, card, null, null);
    }

    /** "Not started", "In progress", "Done", "Not done". */
    static String statusWords(ActionStatus s) {
        return Words.sentence(s.name());
    }

    /** A service field's name as the form's label starts a sentence with. */
    static String label(String field) {
        return switch (field) {
            case "recommendation" -> "The recommendation";
            case "organisationId" -> "The organisation";
            case "change" -> "What is to change";
            case "dueOn" -> "The due date";
            case "reason" -> "The reason";
            case "evidence" -> "Evidence of impact";
            case "evidenceDocumentId" -> "The evidence document";
            case "evidenceNote" -> "The evidence note";
            default -> "The answer";
        };
    }

    /** A rule's refusal as a sentence: its first letter capitalised. */
    static String sentence(String message) {
        return message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }
}
