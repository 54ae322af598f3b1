package org.lscb.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lscb.server.it.browser.PageClient;

/**
 * The annual reports against reviews seeded through the API with fixed dates in the year to 31 March 2025. That
 * year has ended, so the server reads every figure as at 31 March 2025 whatever day it runs on: each count
 * follows from the dates sent alone [11, 19, 28]. The JSON, the page's tables and the PDF's text must show the
 * same counts.
 */
@ExtendWith(SharedServer.class)
class AnnualReportsIT {

    private static final int YEAR = 2025;

    private static final String COMMISSION = "{\"facts\":{\"abuseOrNeglectKnownOrSuspected\":true,\"childDied\":true,"
            + "\"seriouslyHarmed\":false,\"interAgencyConcern\":\"NO\"},\"decision\":\"COMMISSION_SCR\","
            + "\"reason\":\"The child died and neglect is suspected\",\"decidedOn\":\"";

    private static final String NO_REVIEW = "{\"facts\":{\"abuseOrNeglectKnownOrSuspected\":false,\"childDied\":false,"
            + "\"seriouslyHarmed\":true,\"interAgencyConcern\":\"NO\"},\"decision\":\"NO_REVIEW\","
            + "\"reason\":\"No abuse or neglect suspected\",\"decidedOn\":\"";

    /** Board A with its seeded year, made once for the class: the figures are the same for every test. */
    private static ReviewWorld world;

    private static synchronized ReviewWorld seeded(Api api) {
        if (world == null) {
            world = seed(ReviewWorld.create(api));
        }
        return world;
    }

    private static ReviewWorld seed(ReviewWorld w) {
        // commissioned on time, told late, completed on time; the national panel and rapid review never done
        String completed = scr(w, "2024-04-29", "2024-05-01");
        ok(w.decide(completed, COMMISSION + "2024-05-20\"}"));
        meet(w, completed, "DECISION_REPORTED", "2024-06-10");
        meet(w, completed, "SCR_COMPLETION", "2024-11-01");
        // closed with no review late in March: telling Ofsted is still running on 31 March
        ok(w.decide(scr(w, "2025-03-20", "2025-03-20"), NO_REVIEW + "2025-03-25\"}"));
        // the last day of the year before, still awaiting the decision; the first day of the next year
        scr(w, "2024-03-31", "2024-03-31");
        scr(w, "2025-04-01", "2025-04-01");
        // four unexpected deaths at home under 1 (three home visits on time), three expected at 16
        for (String notified : List.of("2024-06-01", "2024-09-01", "2024-12-01")) {
            String id = death(w, notified, 0, true, true);
            meet(w, id, "HOME_VISIT", LocalDate.parse(notified).minusDays(1).toString());
        }
        death(w, "2025-03-30", 0, true, true);
        for (String notified : List.of("2024-05-01", "2024-07-01", "2024-10-01")) {
            death(w, notified, 16, false, false);
        }
        // one the year before, one the year after
        death(w, "2024-03-31", 7, false, false);
        death(w, "2025-04-01", 3, true, false);
        // the completed SCR's action plan: five actions due in the year, one due the day after it
        action(w, completed, "2024-09-30", "{\"status\":\"DONE\",\"evidenceNote\":\"Audited: every case shared\"}");
        action(w, completed, "2024-12-31", null); // not started: overdue on 31 March
        action(w, completed, "2025-02-28", "{\"status\":\"IN_PROGRESS\"}"); // overdue on 31 March
        action(w, completed, "2025-03-31", "{\"status\":\"IN_PROGRESS\"}"); // due on the day: not overdue
        action(w, completed, "2025-01-31", "{\"status\":\"NOT_DONE\",\"reason\":\"The service closed\"}");
        action(w, completed, "2025-04-01", null); // the next year's
        return w;
    }

    @Test
    void theBoardsReport_countsReviewsByTypeAndOutcome_andEachClock_asAt31March_11_19(Api api) {
        ReviewWorld w = seeded(api);
        JsonObject r = ok(
                api.get("/api/v1/reports/board-annual?year=" + YEAR, w.officer().token()));

        assertThat(r.getString("boardId")).isEqualTo(w.board());
        assertThat(r.getString("asAt")).isEqualTo("2025-03-31");
        JsonObject reviews = figure(r, "reviews-by-type");
        // opened, completed, closed with no review, in progress on 31 March
        assertThat(counts(reviews, "SERIOUS_CASE_REVIEW")).containsExactly("2", "1", "1", "1");
        assertThat(counts(reviews, "CHILD_DEATH_REVIEW")).containsExactly("7", "0", "0", "8");
        assertThat(counts(reviews, "TOTAL")).containsExactly("9", "1", "1", "9");
        JsonObject clocks = figure(r, "clocks");
        // met on time, met late, overdue, running, started in the year
        assertThat(counts(clocks, "SCR_DECISION")).containsExactly("2", "0", "0", "0", "2");
        assertThat(counts(clocks, "DECISION_REPORTED")).containsExactly("0", "1", "0", "1", "2");
        assertThat(counts(clocks, "SCR_COMPLETION")).containsExactly("1", "0", "0", "0", "1");
        assertThat(counts(clocks, "NATIONAL_PANEL_NOTIFICATION")).containsExactly("0", "0", "2", "0", "2");
        assertThat(counts(clocks, "RAPID_REVIEW")).containsExactly("0", "0", "1", "1", "2");
        assertThat(counts(clocks, "HOME_VISIT")).containsExactly("3", "0", "1", "0", "4");
        assertThat(counts(clocks, "CORONER_JOINT_REPORT")).containsExactly("0", "0", "3", "2", "5");
        assertThat(counts(clocks, "REGISTRAR_INFORMATION")).containsExactly("0", "0", "7", "0", "7");
        JsonObject actions = figure(r, "actions-by-status");
        // due in the year, overdue on 31 March
        assertThat(counts(actions, "NOT_STARTED")).containsExactly("1", "1");
        assertThat(counts(actions, "IN_PROGRESS")).containsExactly("2", "1");
        assertThat(counts(actions, "DONE")).containsExactly("1", "0");
        assertThat(counts(actions, "NOT_DONE")).containsExactly("1", "0");
        assertThat(counts(actions, "TOTAL")).containsExactly("5", "2");
        assertThat(counts(figure(r, "reports-published"), "TOTAL")).containsExactly("0");
        assertThat(figure(r, "report-themes").getJsonArray("rows")).isEmpty();
    }

    /**
     * Two reports published through the API, one of them withdrawn: the year they were published in counts both,
     * the withdrawn one apart, and the themes of the one still in the library [11]. The JSON, the page and the PDF
     * agree.
     */
    @Test
    void reportsPublished_countTheWithdrawnApart_andTheThemesOfThoseInTheLibrary_inJsonPageAndPdf_11(Api api)
            throws IOException {
        ReviewWorld w = ReviewWorld.create(api);
        String kept = w.openScr(200).getString("id");
        String withdrawn = w.openScr(150).getString("id");
        Api.Reply first = PublicationIT.publish(
                api,
                w.officer().token(),
                withdrawn,
                PublicationIT.form(
                        org.lscb.library.TestReports.pdf(PublicationIT.page2("withdrawn", "the town")),
                        java.util.Map.of("themes", "adolescents")));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(api.post(
                                "/api/v1/reviews/" + withdrawn + "/publication/withdrawal",
                                w.officer().token(),
                                "{\"reason\":\"Published too soon\"}")
                        .status())
                .isEqualTo(200);
        Api.Reply second = PublicationIT.publish(
                api,
                w.chair().token(),
                kept,
                PublicationIT.form(
                        org.lscb.library.TestReports.pdf(PublicationIT.page2("kept", "the town")), java.util.Map.of()));
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        java.time.Instant publishedAt = java.time.Instant.parse(
                api.get("/api/v1/public/reports/" + second.json().getString("id"), null)
                        .json()
                        .getString("publishedAt"));
        int year = org.lscb.reviews.ReportingYear.containing(
                        publishedAt.atZone(TestClock.ENGLAND).toLocalDate())
                .endsIn();

        JsonObject r = ok(
                api.get("/api/v1/reports/board-annual?year=" + year, w.officer().token()));
        JsonObject published = figure(r, "reports-published");
        assertThat(counts(published, "IN_LIBRARY")).containsExactly("1");
        assertThat(counts(published, "WITHDRAWN")).containsExactly("1");
        assertThat(counts(published, "TOTAL")).containsExactly("2");
        JsonObject themes = figure(r, "report-themes");
        assertThat(themes.getJsonArray("rows").getValuesAs(JsonObject.class))
                .extracting(t -> t.getString("code"))
                .containsExactly("NEGLECT", "PARENTAL_SUBSTANCE_MISUSE");
        assertThat(counts(themes, "NEGLECT")).containsExactly("1");

        PageClient officer = signedIn(api, w.officer());
        PageClient.Answer page = officer.get("/reports/board-annual?year=" + year);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(tableText(page.body(), "reports-published"))
                .contains("In the library 1")
                .contains("Withdrawn 1")
                .contains("All published in the year 2");
        assertThat(tableText(page.body(), "report-themes"))
                .contains("Neglect 1")
                .contains("Parental substance misuse 1")
                .doesNotContain("Adolescents");
        assertThat(pdfText(officer.download("/reports/board-annual.pdf?year=" + year)
                        .body()))
                .contains("All published in the year 2")
                .contains("Parental substance misuse 1");
    }

    @Test
    void theCdopsReport_countsTheYearsDeaths_andSuppressesSmallCounts_27_28(Api api) {
        ReviewWorld w = seeded(api);
        JsonObject r =
                ok(api.get("/api/v1/reports/cdop-annual?year=" + YEAR, w.chair().token()));

        assertThat(counts(figure(r, "deaths-expected"), "EXPECTED")).containsExactly("3");
        assertThat(counts(figure(r, "deaths-expected"), "UNEXPECTED")).containsExactly("4");
        assertThat(counts(figure(r, "deaths-by-place"), "AT_HOME")).containsExactly("4");
        assertThat(counts(figure(r, "deaths-by-place"), "ELSEWHERE")).containsExactly("3");
        assertThat(counts(figure(r, "deaths-by-age"), "UNDER_1_YEAR_DAYS_NOT_RECORDED"))
                .containsExactly("4");
        assertThat(counts(figure(r, "deaths-by-age"), "YEARS_15_TO_17")).containsExactly("3");
        // the year before holds one death: suppressed, with no number in the JSON
        JsonObject trend = figure(r, "deaths-by-year");
        assertThat(counts(trend, "2024")).containsExactly("[c]");
        assertThat(counts(trend, "2025")).containsExactly("7");
        assertThat(row(trend, "2024").getJsonArray("counts").getJsonObject(0))
                .doesNotContainKey("value")
                .containsEntry("suppressed", JsonValue.TRUE);
        // one home visit overdue beside three on time: both hidden, the total shown
        JsonObject clocks = figure(r, "child-death-clocks");
        assertThat(counts(clocks, "HOME_VISIT")).containsExactly("[c]", "0", "[c]", "0", "4");
        assertThat(counts(clocks, "CORONER_JOINT_REPORT")).containsExactly("0", "0", "[c]", "[c]", "5");
        assertThat(r.toString()).doesNotContain("SCR_DECISION");
    }

    @Test
    void thePages_showTheSameCountsInTheirTables_besideSvgCharts(Api api) {
        ReviewWorld w = seeded(api);
        PageClient officer = signedIn(api, w.officer());

        PageClient.Answer board = officer.get("/reports/board-annual?year=" + YEAR);
        assertThat(board.status()).as(board.body()).isEqualTo(200);
        // reviews, clocks, actions and reports published; no report's themes in that year
        assertThat(charts(board.body())).isEqualTo(4);
        assertThat(board.body()).doesNotContain("<script>").doesNotContain("style=");
        assertThat(tableText(board.body(), "reviews-by-type"))
                .contains("Serious case reviews 2 1 1 1")
                .contains("Child death reviews 7 0 0 8")
                .contains("All reviews 9 1 1 9");
        assertThat(tableText(board.body(), "clocks"))
                .contains("Decision reported to Ofsted and the DfE 0 1 0 1 2")
                .contains("Home visit 3 0 1 0 4");
        assertThat(tableText(board.body(), "actions-by-status"))
                .contains("Not started 1 1")
                .contains("In progress 2 1")
                .contains("All actions 5 2");

        PageClient.Answer cdop = officer.get("/reports/cdop-annual?year=" + YEAR);
        assertThat(cdop.status()).as(cdop.body()).isEqualTo(200);
        assertThat(charts(cdop.body())).isEqualTo(8);
        assertThat(tableText(cdop.body(), "deaths-expected"))
                .contains("Expected 3")
                .contains("Unexpected 4");
        assertThat(tableText(cdop.body(), "deaths-by-year"))
                .contains("2023 to 2024 [c]")
                .contains("2024 to 2025 7");
        assertThat(tableText(cdop.body(), "child-death-clocks")).contains("Home visit [c] 0 [c] 0 4");
        assertThat(officer.get("/reports").body())
                .contains("href=\"/reports/board-annual?year=")
                .contains("href=\"/reports/cdop-annual?year=")
                .contains("href=\"/reports\"");
    }

    @Test
    void thePdfs_arePdfsWhoseTextHoldsTheSameCounts(Api api) throws IOException {
        ReviewWorld w = seeded(api);
        PageClient chair = signedIn(api, w.chair());

        PageClient.Download board = chair.download("/reports/board-annual.pdf?year=" + YEAR);
        assertThat(board.status()).isEqualTo(200);
        assertThat(board.contentType()).startsWith("application/pdf");
        assertThat(board.contentDisposition()).isEqualTo("attachment; filename=\"board-annual-2025.pdf\"");
        assertThat(pdfText(board.body()))
                .contains("Serious case reviews 2 1 1 1")
                .contains("All reviews 9 1 1 9")
                .contains("Home visit 3 0 1 0 4")
                .contains("In progress 2 1")
                .contains("All actions 5 2");

        PageClient.Download cdop = chair.download("/reports/cdop-annual.pdf?year=" + YEAR);
        assertThat(cdop.status()).isEqualTo(200);
        assertThat(pdfText(cdop.body()))
                .contains("Unexpected 4")
                .contains("2023 to 2024 [c]")
                .contains("Home visit [c] 0 [c] 0 4");
    }

    @Test
    void anotherBoardsOfficer_readsTheirOwnBoardsReport_andIsToldAsForAnotherBoardsThatThereIsNone(Api api) {
        ReviewWorld w = seeded(api);
        String boardB = api.newOrganisation("LSCB");
        Api.Login officerB = api.newAccount("LSCB_OFFICER", boardB);
        java.time.Instant before = java.time.Instant.now().minusSeconds(2);

        JsonObject own = ok(api.get("/api/v1/reports/board-annual?year=" + YEAR, officerB.token()));
        assertThat(own.getString("boardId")).isEqualTo(boardB);
        assertThat(counts(figure(own, "reviews-by-type"), "TOTAL")).containsExactly("0", "0", "0", "0");
        assertThat(api.get("/api/v1/reports/board-annual?year=" + YEAR + "&board=" + w.board(), officerB.token())
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/reports/cdop-annual?year=" + YEAR + "&board=" + w.board(), officerB.token())
                        .status())
                .isEqualTo(404);
        assertThat(api.get(
                                "/api/v1/reports/board-annual?year=" + YEAR + "&board=" + w.board(),
                                w.officer().token())
                        .status())
                .isEqualTo(200);
        // each asking is audited, as an asking for another board's review is (docs/security.md)
        List<JsonObject> refused = AuditIT.since(api, api.adminToken(), before, null).stream()
                .filter(e -> e.getString("action").equals("ACCESS_REFUSED")
                        && e.getString("actor").equals(officerB.id())
                        && e.getString("objectType").equals("report"))
                .toList();
        assertThat(refused)
                .extracting(e -> e.getString("objectId"))
                .containsExactlyInAnyOrder("board-annual", "cdop-annual");
        assertThat(refused).allSatisfy(e -> assertThat(e.getString("details")).contains(w.board()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "?year=", "?year=abc", "?year=1999", "?year=2101", "?year=2025-26", "?year=%20"})
    void aMissingOrBadYear_is400NamingTheField_forTheJsonAndThePage(String query, Api api) {
        ReviewWorld w = seeded(api);
        for (String report : List.of("board-annual", "cdop-annual")) {
            Api.Reply r =
                    api.get("/api/v1/reports/" + report + query, w.officer().token());
            assertThat(r.status()).as(r.body()).isEqualTo(400);
            assertThat(r.json().getJsonObject("details").getString("field")).isEqualTo("year");
        }
        PageClient officer = signedIn(api, w.officer());
        assertThat(officer.get("/reports/board-annual" + query).status()).isEqualTo(400);
        assertThat(officer.download("/reports/cdop-annual.pdf" + query).status())
                .isEqualTo(400);
        // the server goes on serving
        assertThat(api.get(
                                "/api/v1/reports/board-annual?year=" + YEAR,
                                w.officer().token())
                        .status())
                .isEqualTo(200);
    }

    private static String scr(ReviewWorld w, String incident, String notified) {
        return created(w.api()
                .post(
                        "/api/v1/reviews",
                        w.officer().token(),
                        "{\"type\":\"SERIOUS_CASE_REVIEW\",\"reference\":\"SCR-" + Api.unique()
                                + "\",\"pseudonym\":\"Child R\",\"leadLscbId\":\"" + w.board()
                                + "\",\"organisationIds\":" + ReviewWorld.quoted(w.agencies())
                                + ",\"dates\":{\"incident\":\"" + incident + "\",\"notification\":\"" + notified
                                + "\"}}"));
    }

    /** A child death notified on {@code notified}: died the day before, registered three days after dying. */
    private static String death(ReviewWorld w, String notified, int age, boolean unexpected, boolean atHome) {
        LocalDate died = LocalDate.parse(notified).minusDays(1);
        return created(w.api()
                .post(
                        "/api/v1/reviews",
                        w.officer().token(),
                        "{\"type\":\"CHILD_DEATH_REVIEW\",\"reference\":\"CDR-" + Api.unique()
                                + "\",\"pseudonym\":\"Child D\",\"residenceLscbId\":\"" + w.board()
                                + "\",\"organisationIds\":"
                                + ReviewWorld.quoted(w.agencies().subList(0, 2))
                                + ",\"dates\":{\"death\":\"" + died + "\",\"notification\":\"" + notified
                                + "\",\"registration\":\"" + died.plusDays(3)
                                + "\"},\"childDeath\":{\"ageAtDeathYears\":"
                                + age + ",\"unexpected\":" + unexpected + ",\"atHome\":" + atHome + "}}"));
    }

    /** An action of {@code reviewId} owned by the board, due on {@code due}, then moved by {@code progress}. */
    private static void action(ReviewWorld w, String reviewId, String due, String progress) {
        String id = created(ActionPlansIT.create(w.api(), w.officer(), reviewId, w.board(), due));
        if (progress != null) {
            ok(ActionPlansIT.update(w.api(), w.officer(), id, progress));
        }
    }

    /** Meets a clock on a day; the visit decision [32], met at a time, by a visit at noon that day. */
    private static void meet(ReviewWorld w, String id, String clock, String on) {
        if (clock.equals("HOME_VISIT")) {
            java.time.Instant noon =
                    LocalDate.parse(on).atTime(12, 0).atZone(TestClock.ENGLAND).toInstant();
            ok(w.api()
                    .send(
                            "PUT",
                            "/api/v1/reviews/" + id + "/visit-decision",
                            w.officer().token(),
                            "application/json",
                            ("{\"decision\":\"VISITED\",\"visitedAt\":\"" + noon + "\"}").getBytes()));
            return;
        }
        ok(w.api()
                .post(
                        "/api/v1/reviews/" + id + "/clocks/" + clock,
                        w.officer().token(),
                        "{\"action\":\"MET\",\"on\":\"" + on + "\"}"));
    }

    private static String created(Api.Reply r) {
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().getString("id");
    }

    private static JsonObject ok(Api.Reply r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    static PageClient signedIn(Api api, Api.Login login) {
        PageClient browser = new PageClient(api.baseUrl());
        browser.signIn(login.username(), login.password(), () -> api.signInCode(login.username()));
        return browser;
    }

    static JsonObject figure(JsonObject report, String id) {
        for (JsonValue s : report.getJsonArray("sections")) {
            for (JsonValue f : s.asJsonObject().getJsonArray("figures")) {
                if (f.asJsonObject().getString("id").equals(id)) {
                    return f.asJsonObject();
                }
            }
        }
        throw new AssertionError("no figure " + id + " in " + report);
    }

    static JsonObject row(JsonObject figure, String code) {
        return figure.getJsonArray("rows").stream()
                .map(JsonValue::asJsonObject)
                .filter(r -> r.getString("code").equals(code))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row " + code + " in " + figure));
    }

    /** A row's counts as the tables show them: the number, or [c] when suppressed. */
    static List<String> counts(JsonObject figure, String code) {
        JsonArray counts = row(figure, code).getJsonArray("counts");
        List<String> out = new ArrayList<>();
        for (JsonValue c : counts) {
            JsonObject count = c.asJsonObject();
            out.add(count.getBoolean("suppressed") ? "[c]" : String.valueOf(count.getInt("value")));
        }
        return out;
    }

    private static int charts(String html) {
        return (int) Pattern.compile("<svg role='img'").matcher(html).results().count();
    }

    /** The text of the table of a figure, its tags taken out and its spaces collapsed. */
    private static String tableText(String html, String figureId) {
        Matcher m = Pattern.compile("<table[^>]*id=\"" + figureId + "-table\"[^>]*>(.*?)</table>", Pattern.DOTALL)
                .matcher(html);
        assertThat(m.find()).as("a table for " + figureId).isTrue();
        return m.group(1)
                .replaceAll("<[^>]+>", " ")
                .replace("&#39;", "'")
                .replaceAll("\\s+", " ")
                .trim();
    }

    private static String pdfText(byte[] pdf) throws IOException {
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }
}
