package org.lscb.server.web.component;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestReporter;
import org.lscb.server.web.Templates;

/**
 * Every component against GOV.UK Frontend's own fixtures (docs/house-style.md rule 23): each fixture's options
 * are mapped to our record, rendered by our template and compared, normalised for whitespace, with the
 * fixture's HTML. A fixture that uses an option our record does not model is skipped and reported; the
 * version of the fixtures is the WebJar's on the classpath, so a bump of it shows every drift at once.
 */
class GovukFixturesTest {

    /** Fewer fixtures compared than this means mappers stopped reading options the records model. */
    private static final int LEAST_COMPARED = 450;

    /** One component: its fixtures' directory, our template, the mapper, and what we leave out on purpose. */
    private record Component(
            String name, String template, Function<FixtureOptions, Object> mapper, UnaryOperator<String> expected) {

        Component(String name, String template, Function<FixtureOptions, Object> mapper) {
            this(name, template, mapper, UnaryOperator.identity());
        }
    }

    /** A fixture mapped to our record, or the options that stopped it being mapped. */
    private record Mapped(String fixture, String html, Object param, List<String> unmodelled) {

        boolean compared() {
            return unmodelled.isEmpty();
        }
    }

    private static final List<Component> COMPONENTS = List.of(
            new Component("tag", "components/tag.jte", GovukFixturesTest::tag),
            new Component(
                    "back-link",
                    "components/backLink.jte",
                    o -> new BackLink(o.content(), o.nonEmpty("href"), o.nonEmpty("classes"), o.attributes())),
            new Component(
                    "skip-link",
                    "components/skipLink.jte",
                    o -> new SkipLink(o.content(), o.nonEmpty("href"), o.nonEmpty("classes"), o.attributes())),
            new Component("hint", "components/hint.jte", GovukFixturesTest::hint),
            new Component("error-message", "components/errorMessage.jte", GovukFixturesTest::errorMessage),
            new Component("label", "components/label.jte", GovukFixturesTest::label),
            new Component("fieldset", "components/fieldset.jte", GovukFixturesTest::fieldset),
            new Component(
                    "inset-text",
                    "components/insetText.jte",
                    o -> new InsetText(o.content(), o.nonEmpty("id"), o.nonEmpty("classes"), o.attributes())),
            new Component(
                    "warning-text",
                    "components/warningText.jte",
                    o -> new WarningText(
                            o.content(), o.nonEmpty("iconFallbackText"), o.nonEmpty("classes"), o.attributes())),
            new Component(
                    "details",
                    "components/details.jte",
                    o -> new Details(
                            o.content("summaryText", "summaryHtml"),
                            o.content(),
                            o.flag("open"),
                            o.nonEmpty("id"),
                            o.nonEmpty("classes"),
                            o.attributes())),
            new Component(
                    "panel",
                    "components/panel.jte",
                    o -> new Panel(
                            o.content("titleText", "titleHtml"),
                            o.content(),
                            o.integer("headingLevel"),
                            o.nonEmpty("classes"),
                            o.attributes())),
            new Component(
                    "phase-banner",
                    "components/phaseBanner.jte",
                    o -> new PhaseBanner(
                            o.object("tag", GovukFixturesTest::tag),
                            o.content(),
                            o.nonEmpty("classes"),
                            o.attributes())),
            new Component("button", "components/button.jte", GovukFixturesTest::button),
            new Component(
                    "breadcrumbs",
                    "components/breadcrumbs.jte",
                    o -> new Breadcrumbs(
                            o.list("items", i -> new Breadcrumbs.Item(i.content(), i.nonEmpty("href"), i.attributes())),
                            o.flag("collapseOnMobile"),
                            o.nonEmpty("labelText"),
                            o.nonEmpty("classes"),
                            o.attributes())),
            new Component("input", "components/input.jte", GovukFixturesTest::input),
            new Component(
                    "textarea",
                    "components/textarea.jte",
                    o -> new Textarea(
                            o.nonEmpty("id"),
                            o.string("name"),
                            o.integer("rows"),
                            o.object("label", GovukFixturesTest::label),
                            o.object("hint", GovukFixturesTest::hint),
                            o.object("errorMessage", GovukFixturesTest::errorMessage),
                            o.string("value"),
                            o.nonEmpty("autocomplete"),
                            o.bool("spellcheck"),
                            o.nonEmpty("describedBy"),
                            o.nonEmpty("classes"),
                            o.attributes())),
            new Component(
                    "select",
                    "components/select.jte",
                    o -> new Select(
                            o.nonEmpty("id"),
                            o.string("name"),
                            o.list(
                                    "items",
                                    i -> new Select.Item(
                                            i.string("value"),
                                            i.string("text"),
                                            i.bool("selected"),
                                            i.flag("disabled"),
                                            i.attributes())),
                            o.string("value"),
                            o.object("label", GovukFixturesTest::label),
                            o.object("hint", GovukFixturesTest::hint),
                            o.object("errorMessage", GovukFixturesTest::errorMessage),
                            o.nonEmpty("describedBy"),
                            o.nonEmpty("classes"),
                            o.attributes())),
            new Component(
                    "radios",
                    "components/radios.jte",
                    o -> new Radios(
                            o.string("name"),
                            o.nonEmpty("idPrefix"),
                            o.list(
                                    "items",
                                    i -> new Radios.Item(
                                            i.string("value"),
                                            i.content(),
                                            i.object("hint", GovukFixturesTest::hint),
                                            i.bool("checked"),
                                            i.flag("disabled"),
                                            i.nonEmpty("id"),
                                            i.nonEmpty("divider"),
                                            i.attributes())),
                            o.string("value"),
                            o.object("fieldset", GovukFixturesTest::fieldset),
                            o.object("hint", GovukFixturesTest::hint),
                            o.object("errorMessage", GovukFixturesTest::errorMessage),
                            o.nonEmpty("classes"),
                            o.attributes())),
            new Component(
                    "checkboxes",
                    "components/checkboxes.jte",
                    o -> new Checkboxes(
                            o.string("name"),
                            o.nonEmpty("idPrefix"),
                            o.list(
                                    "items",
                                    i -> new Checkboxes.Item(
                                            i.string("value"),
                                            i.content(),
                                            i.object("hint", GovukFixturesTest::hint),
                                            i.bool("checked"),
                                            i.flag("disabled"),
                                            i.nonEmpty("id"),
                                            i.nonEmpty("name"),
                                            i.nonEmpty("behaviour"),
                                            i.nonEmpty("divider"),
                                            i.attributes())),
                            o.strings("values"),
                            o.object("fieldset", GovukFixturesTest::fieldset),
                            o.object("hint", GovukFixturesTest::hint),
                            o.object("errorMessage", GovukFixturesTest::errorMessage),
                            o.nonEmpty("describedBy"),
                            o.nonEmpty("classes"),
                            o.attributes())),
            new Component(
                    "date-input",
                    "components/dateInput.jte",
                    o -> new DateInput(
                            o.nonEmpty("id"),
                            o.nonEmpty("namePrefix"),
                            o.list(
                                    "items",
                                    i -> new DateInput.Item(
                                            i.string("name"),
                                            i.nonEmpty("label"),
                                            i.string("value"),
                                            i.nonEmpty("id"),
                                            i.nonEmpty("classes"),
                                            i.nonEmpty("inputmode"),
                                            i.nonEmpty("autocomplete"),
                                            i.nonEmpty("pattern"),
                                            i.attributes())),
                            o.object("fieldset", GovukFixturesTest::fieldset),
                            o.object("hint", GovukFixturesTest::hint),
                            o.object("errorMessage", GovukFixturesTest::errorMessage),
                            o.nonEmpty("classes"),
                            o.attributes())),
            new Component(
                    "error-summary",
                    "components/errorSummary.jte",
                    o -> new ErrorSummary(
                            o.content("titleText", "titleHtml"),
                            o.content("descriptionText", "descriptionHtml"),
                            o.list(
                                    "errorList",
                                    i -> new ErrorSummary.Item(i.content(), i.nonEmpty("href"), i.attributes())),
                            o.bool("disableAutoFocus"),
                            o.nonEmpty("classes"),
                            o.attributes())),
            new Component("summary-list", "components/summaryList.jte", GovukFixturesTest::summaryList),
            new Component(
                    "table",
                    "components/table.jte",
                    o -> new Table(
                            o.nonEmpty("caption"),
                            o.nonEmpty("captionClasses"),
                            o.list("head", GovukFixturesTest::tableCell),
                            o.lists("rows", GovukFixturesTest::tableCell),
                            o.flag("firstCellIsHeader"),
                            o.nonEmpty("classes"),
                            o.attributes())),
            new Component(
                    "task-list",
                    "components/taskList.jte",
                    o -> new TaskList(
                            o.list(
                                    "items",
                                    i -> new TaskList.Item(
                                            i.object(
                                                    "title",
                                                    t -> new TaskList.Title(t.content(), t.nonEmpty("classes"))),
                                            i.nonEmpty("href"),
                                            i.object("hint", FixtureOptions::content),
                                            i.object(
                                                    "status",
                                                    s -> new TaskList.Status(
                                                            s.object("tag", GovukFixturesTest::tag),
                                                            s.content(),
                                                            s.nonEmpty("classes"))),
                                            i.nonEmpty("classes"))),
                            o.nonEmpty("idPrefix"),
                            o.nonEmpty("classes"),
                            o.attributes())),
            new Component(
                    "notification-banner",
                    "components/notificationBanner.jte",
                    o -> new NotificationBanner(
                            "success".equals(o.string("type")),
                            o.content("titleText", "titleHtml"),
                            o.nonEmpty("titleId"),
                            o.integer("titleHeadingLevel"),
                            o.nonEmpty("role"),
                            o.bool("disableAutoFocus"),
                            o.content(),
                            o.nonEmpty("classes"),
                            o.attributes())),
            new Component(
                    "pagination",
                    "components/pagination.jte",
                    o -> new Pagination(
                            o.object("previous", GovukFixturesTest::paginationLink),
                            o.object("next", GovukFixturesTest::paginationLink),
                            o.list(
                                    "items",
                                    i -> new Pagination.Item(
                                            i.string("number"),
                                            i.string("href"),
                                            i.flag("current"),
                                            i.flag("ellipsis"),
                                            i.nonEmpty("visuallyHiddenText"),
                                            i.attributes())),
                            o.nonEmpty("landmarkLabel"),
                            o.nonEmpty("classes"),
                            o.attributes())),
            new Component(
                    "service-navigation",
                    "components/serviceNavigation.jte",
                    o -> new ServiceNavigation(
                            o.nonEmpty("serviceName"),
                            o.nonEmpty("serviceUrl"),
                            o.list(
                                    "navigation",
                                    i -> new ServiceNavigation.Item(
                                            i.content(),
                                            i.nonEmpty("href"),
                                            i.flag("active"),
                                            i.flag("current"),
                                            i.attributes())),
                            o.nonEmpty("navigationLabel"),
                            o.nonEmpty("navigationId"),
                            o.nonEmpty("navigationClasses"),
                            o.nonEmpty("menuButtonText"),
                            o.nonEmpty("menuButtonLabel"),
                            o.bool("collapseNavigationOnMobile"),
                            o.nonEmpty("ariaLabel"),
                            o.nonEmpty("classes"),
                            o.attributes())),
            new Component(
                    "footer",
                    "components/footer.jte",
                    o -> new Footer(
                            o.object(
                                    "meta",
                                    m -> new Footer.Meta(
                                            m.list(
                                                    "items",
                                                    i -> new Footer.Link(
                                                            i.string("text"), i.string("href"), i.attributes())),
                                            m.nonEmpty("visuallyHiddenTitle"),
                                            m.content())),
                            o.nonEmpty("containerClasses"),
                            o.nonEmpty("classes"),
                            o.attributes()),
                    GovukFixturesTest::withoutCrownCopyright));

    /**
     * GOV.UK's footer with what ours leaves out on purpose removed: the Open Government Licence logo and
     * statement and the Crown copyright link (the service is not on GOV.UK). The rest is compared.
     */
    private static String withoutCrownCopyright(String html) {
        String out = html.replaceFirst("(?s)<svg[^>]*govuk-footer__licence-logo.*?</svg>", "")
                .replaceFirst("(?s)<span class=\"govuk-footer__licence-description\">.*?</span>", "")
                .replaceFirst(
                        "(?s)<div class=\"govuk-footer__meta-item\">\\s*<a\\s+class=\"govuk-footer__link"
                                + " govuk-footer__copyright-logo\".*?</a>\\s*</div>",
                        "");
        assertThat(out).doesNotContain("licence", "copyright");
        return out;
    }

    private static SummaryList summaryList(FixtureOptions o) {
        Function<FixtureOptions, SummaryList.Actions> actions = a -> new SummaryList.Actions(
                a.list(
                        "items",
                        i -> new SummaryList.Action(
                                i.string("href"),
                                i.content(),
                                i.nonEmpty("visuallyHiddenText"),
                                i.nonEmpty("classes"),
                                i.attributes())),
                a.nonEmpty("classes"));
        Function<FixtureOptions, SummaryList.Cell> cell = c -> new SummaryList.Cell(c.content(), c.nonEmpty("classes"));
        return new SummaryList(
                o.list(
                        "rows",
                        r -> new SummaryList.Row(
                                r.object("key", cell),
                                r.object("value", cell),
                                r.object("actions", actions),
                                r.nonEmpty("classes"))),
                o.object(
                        "card",
                        c -> new SummaryList.Card(
                                c.object(
                                        "title",
                                        t -> new SummaryList.Title(
                                                t.content(), t.integer("headingLevel"), t.nonEmpty("classes"))),
                                c.object("actions", actions),
                                c.nonEmpty("classes"),
                                c.attributes())),
                o.nonEmpty("classes"),
                o.attributes());
    }

    private static Table.Cell tableCell(FixtureOptions o) {
        return new Table.Cell(
                o.content(),
                o.nonEmpty("format"),
                o.nonEmpty("classes"),
                o.integer("colspan"),
                o.integer("rowspan"),
                o.attributes());
    }

    private static Pagination.Link paginationLink(FixtureOptions o) {
        return new Pagination.Link(o.nonEmpty("href"), o.content(), o.nonEmpty("labelText"), o.attributes());
    }

    private static Input input(FixtureOptions o) {
        return new Input(
                o.nonEmpty("id"),
                o.string("name"),
                o.nonEmpty("type"),
                o.object("label", GovukFixturesTest::label),
                o.object("hint", GovukFixturesTest::hint),
                o.object("errorMessage", GovukFixturesTest::errorMessage),
                o.string("value"),
                o.nonEmpty("autocomplete"),
                o.nonEmpty("inputmode"),
                o.bool("spellcheck"),
                o.nonEmpty("pattern"),
                o.nonEmpty("describedBy"),
                o.object("prefix", GovukFixturesTest::affix),
                o.object("suffix", GovukFixturesTest::affix),
                o.nonEmpty("classes"),
                o.attributes());
    }

    private static Input.Affix affix(FixtureOptions o) {
        return new Input.Affix(o.content(), o.nonEmpty("classes"), o.attributes());
    }

    private static Tag tag(FixtureOptions o) {
        return new Tag(o.content(), o.nonEmpty("classes"), o.attributes());
    }

    private static Hint hint(FixtureOptions o) {
        return new Hint(o.content(), o.nonEmpty("id"), o.nonEmpty("classes"), o.attributes());
    }

    private static ErrorMessage errorMessage(FixtureOptions o) {
        return new ErrorMessage(
                o.content(), o.nonEmpty("id"), o.string("visuallyHiddenText"), o.nonEmpty("classes"), o.attributes());
    }

    private static Label label(FixtureOptions o) {
        return new Label(
                o.content(), o.nonEmpty("for"), o.flag("isPageHeading"), o.nonEmpty("classes"), o.attributes());
    }

    private static Fieldset.Legend legend(FixtureOptions o) {
        return new Fieldset.Legend(o.content(), o.flag("isPageHeading"), o.nonEmpty("classes"));
    }

    private static Fieldset fieldset(FixtureOptions o) {
        String html = o.nonEmpty("html");
        return new Fieldset(
                o.object("legend", GovukFixturesTest::legend),
                o.nonEmpty("describedBy"),
                o.nonEmpty("role"),
                html == null ? null : new Html(html),
                o.nonEmpty("classes"),
                o.attributes());
    }

    private static Button button(FixtureOptions o) {
        String element = o.string("element");
        Button.Element modelled;
        if (element == null) {
            modelled = null;
        } else if (element.equals("a") || element.equals("button")) {
            modelled = Button.Element.valueOf(element.toUpperCase(java.util.Locale.ROOT));
        } else {
            throw o.unmodelled("element");
        }
        return new Button(
                o.content(),
                modelled,
                o.nonEmpty("href"),
                o.nonEmpty("name"),
                o.nonEmpty("value"),
                o.nonEmpty("type"),
                o.flag("disabled"),
                o.bool("preventDoubleClick"),
                o.flag("isStartButton"),
                o.nonEmpty("id"),
                o.nonEmpty("classes"),
                o.attributes());
    }

    @TestFactory
    Stream<DynamicContainer> fixturesRenderAsGovukFrontendDoes() {
        return COMPONENTS.stream().map(component -> {
            List<Mapped> mapped = map(component);
            long skipped = mapped.stream().filter(m -> !m.compared()).count();
            return DynamicContainer.dynamicContainer(
                    component.name() + " (" + (mapped.size() - skipped) + " compared, " + skipped + " skipped)",
                    mapped.stream()
                            .map(m -> DynamicTest.dynamicTest(m.fixture(), () -> {
                                Assumptions.assumeTrue(m.compared(), () -> "options not modelled: " + m.unmodelled());
                                String ours = Templates.render(component.template(), m.param());
                                assertThat(HtmlNormaliser.normalise(ours))
                                        .as("%s fixture \"%s\"", component.name(), m.fixture())
                                        .isEqualTo(HtmlNormaliser.normalise(
                                                component.expected().apply(m.html())));
                            })));
        });
    }

    @Test
    void everyComponentComparesItsDefaultFixtureAndEnoughAreCompared(TestReporter reporter) {
        int total = 0;
        Map<String, String> summary = new LinkedHashMap<>();
        for (Component component : COMPONENTS) {
            List<Mapped> mapped = map(component);
            Mapped first = mapped.stream()
                    .filter(m -> m.fixture().equals("default"))
                    .findFirst()
                    .orElse(mapped.get(0));
            assertThat(first.unmodelled())
                    .as("%s fixture \"%s\" is compared", component.name(), first.fixture())
                    .isEmpty();
            List<String> skipped = mapped.stream()
                    .filter(m -> !m.compared())
                    .map(m -> m.fixture() + " " + m.unmodelled())
                    .toList();
            int compared = mapped.size() - skipped.size();
            total += compared;
            summary.put(component.name(), compared + " compared, " + skipped.size() + " skipped " + skipped);
        }
        reporter.publishEntry(summary);
        assertThat(total).as("fixtures compared in all: %s", summary).isGreaterThanOrEqualTo(LEAST_COMPARED);
    }

    private static List<Mapped> map(Component component) {
        JsonObject file = fixtures(component.name());
        List<Mapped> out = new ArrayList<>();
        for (JsonObject fixture : file.getJsonArray("fixtures").getValuesAs(JsonObject.class)) {
            FixtureOptions options = new FixtureOptions(fixture.getJsonObject("options"), "");
            Object param = null;
            List<String> unmodelled;
            try {
                param = component.mapper().apply(options);
                unmodelled = options.unread();
            } catch (FixtureOptions.Unmodelled e) {
                unmodelled = List.of(e.getMessage());
            }
            out.add(new Mapped(fixture.getString("name"), fixture.getString("html"), param, unmodelled));
        }
        return out;
    }

    /** The component's fixtures from the GOV.UK Frontend WebJar on the classpath, whatever its version. */
    private static JsonObject fixtures(String component) {
        String path = "META-INF/resources/webjars/govuk-frontend/" + webJarVersion() + "/dist/govuk/components/"
                + component + "/fixtures.json";
        try (InputStream in = resource(path);
                JsonReader reader = Json.createReader(in)) {
            return reader.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String webJarVersion() {
        Properties pom = new Properties();
        try (InputStream in = resource("META-INF/maven/org.webjars.npm/govuk-frontend/pom.properties")) {
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pom.getProperty("version");
    }

    private static InputStream resource(String path) {
        InputStream in = GovukFixturesTest.class.getClassLoader().getResourceAsStream(path);
        assertThat(in).as(path + " on the classpath").isNotNull();
        return in;
    }
}
