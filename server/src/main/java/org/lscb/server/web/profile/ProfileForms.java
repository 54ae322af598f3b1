package org.lscb.server.web.profile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.lscb.registry.reviewer.AffiliationKind;
import org.lscb.registry.reviewer.EvidenceType;
import org.lscb.registry.reviewer.ExpertiseArea;
import org.lscb.registry.reviewer.Region;
import org.lscb.registry.reviewer.Skill;
import org.lscb.server.web.DateAnswer;
import org.lscb.server.web.FormErrors;
import org.lscb.server.web.Words;
import org.lscb.server.web.component.Checkboxes;
import org.lscb.server.web.component.DateInput;
import org.lscb.server.web.component.ErrorSummary;
import org.lscb.server.web.component.Fieldset;
import org.lscb.server.web.component.Hint;
import org.lscb.server.web.component.Input;
import org.lscb.server.web.component.Label;
import org.lscb.server.web.component.Radios;
import org.lscb.server.web.component.Select;
import org.lscb.server.web.component.Textarea;

/**
 * The questions of the profile forms as GOV.UK components, each showing what was typed and its own error
 * message: the answers the API accepts for the same fields (docs/api.md "Reviewer registry"), in words.
 */
public final class ProfileForms {

    private ProfileForms() {}

    // --- change your profile

    public static Input displayName(ProfilePages.EditForm f) {
        return Input.text("displayName", Label.of("Your name"), f.displayName())
                .withHint(Hint.of("As boards will see it in the register"))
                .withError(f.errors().errorFor("displayName"));
    }

    public static Textarea summary(ProfilePages.EditForm f) {
        return Textarea.of("summary", Label.of("Summary"), f.summary())
                .withHint(Hint.of("Your experience of systems reviews, in a few sentences. Do not include any"
                        + " child's or family's details."))
                .withError(f.errors().errorFor("summary"));
    }

    public static Checkboxes expertise(ProfilePages.EditForm f) {
        return Checkboxes.of(
                        "expertise",
                        Fieldset.Legend.of("Areas of expertise"),
                        items(ExpertiseArea.values()),
                        f.expertise())
                .withHint(Hint.of("The areas of practice you know from the inside. Select all that apply."))
                .withError(f.errors().errorFor("expertise"));
    }

    public static Checkboxes skills(ProfilePages.EditForm f) {
        return Checkboxes.of("skills", Fieldset.Legend.of("Skills"), items(Skill.values()), f.skills())
                .withHint(Hint.of("Select all that apply."))
                .withError(f.errors().errorFor("skills"));
    }

    public static Checkboxes regions(ProfilePages.EditForm f) {
        return Checkboxes.of("regions", Fieldset.Legend.of("Regions you work in"), items(Region.values()), f.regions())
                .withHint(Hint.of("Select all that apply."))
                .withError(f.errors().errorFor("regions"));
    }

    public static Radios available(ProfilePages.EditForm f) {
        return Radios.yesNo("available", Fieldset.Legend.of("Are you available for new reviews?"), f.available())
                .withError(f.errors().errorFor("available"));
    }

    // --- add evidence

    public static Radios evidenceType(ProfilePages.EvidenceForm f) {
        List<Radios.Item> items = new ArrayList<>();
        for (EvidenceType t : EvidenceType.values()) {
            items.add(new Radios.Item(
                    t.name(),
                    org.lscb.server.web.component.TextOrHtml.text(Words.sentence(t.name())),
                    Hint.of(
                            switch (t) {
                                case TRACK_RECORD ->
                                    "Systems investigations you led, in child protection or another sector";
                                case TRAINING -> "Training in systems methodology; it needs revalidating after a while";
                                case REFERENCE -> "From an organisation for whom you completed a systems review";
                            }),
                    null,
                    false,
                    null,
                    null,
                    null));
        }
        return Radios.of("type", Fieldset.Legend.of("Kind of evidence"), items, f.type())
                .withError(f.errors().errorFor("type"));
    }

    public static Input title(ProfilePages.EvidenceForm f) {
        return Input.text("title", Label.of("Title"), f.title())
                .withHint(Hint.of("For example, the course's or the review's name"))
                .withError(f.errors().errorFor("title"));
    }

    public static Input issuer(ProfilePages.EvidenceForm f) {
        return Input.text("issuer", Label.of("Who issued it (optional)"), f.issuer())
                .withError(f.errors().errorFor("issuer"));
    }

    public static DateInput date(ProfilePages.EvidenceForm f) {
        return date("date", "Date of the evidence", f.date(), f.errors());
    }

    public static DateInput expires(ProfilePages.EvidenceForm f) {
        return date("expires", "Expiry date (optional)", f.expires(), f.errors());
    }

    // --- declare an interest

    public static Textarea description(ProfilePages.InterestForm f) {
        return Textarea.of("description", Label.of("What is the interest?"), f.description())
                .withHint(Hint.of("For example, a close relative works in the organisation's safeguarding team"))
                .withError(f.errors().errorFor("description"));
    }

    public static Select interestOrganisation(ProfilePages.InterestForm f) {
        return organisation(
                "Organisation it concerns (optional)", "No organisation", f.choices(), f.organisationId(), f.errors());
    }

    // --- declare a tie to an organisation

    public static Select affiliationOrganisation(ProfilePages.AffiliationForm f) {
        return organisation("Organisation", "Choose an organisation", f.choices(), f.organisationId(), f.errors());
    }

    public static Radios kind(ProfilePages.AffiliationForm f) {
        return Radios.of(
                        "kind",
                        Fieldset.Legend.of("Kind of tie"),
                        Arrays.stream(AffiliationKind.values())
                                .map(k -> Radios.Item.of(k.name(), Words.sentence(k.name())))
                                .toList(),
                        f.kind())
                .withHint(Hint.of(
                        "Every kind counts against your independence for reviews involving the" + " organisation"))
                .withError(f.errors().errorFor("kind"));
    }

    public static Input role(ProfilePages.AffiliationForm f) {
        return Input.text("role", Label.of("Your role (optional)"), f.role())
                .withError(f.errors().errorFor("role"));
    }

    public static DateInput from(ProfilePages.AffiliationForm f) {
        return date("from", "Start date", f.from(), f.errors());
    }

    public static DateInput to(ProfilePages.AffiliationForm f) {
        return date("to", "End date (leave empty if it continues)", f.to(), f.errors());
    }

    // --- shared

    private static Select organisation(
            String label, String none, List<ProfilePages.Choice> choices, String value, FormErrors errors) {
        List<Select.Item> items = new ArrayList<>();
        items.add(Select.Item.of("", none));
        choices.forEach(c -> items.add(Select.Item.of(c.id(), c.name())));
        return new Select(
                        null,
                        "organisationId",
                        items,
                        value,
                        Label.of(label),
                        Hint.of("The organisations of the reviews you take part in, and those already on your"
                                + " profile. For another, ask the board's officer to record it."),
                        null,
                        null,
                        null,
                        null)
                .withError(errors.errorFor("organisationId"));
    }

    private static DateInput date(String name, String legend, DateAnswer typed, FormErrors errors) {
        return typed.input(name, Fieldset.Legend.of(legend), errors.errorFor(name + "-day"));
    }

    private static List<Checkboxes.Item> items(Enum<?>[] values) {
        return Arrays.stream(values)
                .map(v -> Checkboxes.Item.of(v.name(), Words.sentence(v.name())))
                .toList();
    }

    /** The error summary at the top of a form: each message, linking to its field. */
    public static ErrorSummary errorSummary(FormErrors errors) {
        return ErrorSummary.of(errors.entries().stream()
                .map(e -> ErrorSummary.Item.of(e.message(), e.href()))
                .toList());
    }
}
