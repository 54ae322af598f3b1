package org.lscb.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lscb.library.TestReports;

/**
 * Publication of a review's report with the board's response, and the public library [11] (docs/api.md
 * "Publication", "Public library"): the personal-data check refuses a report with a postcode; the cleaned report is
 * published and found by anyone without signing in; withdrawal takes it out at once; the Chair alone publishes over
 * a finding, with a reason that is audited.
 */
@ExtendWith(SharedServer.class)
class PublicationIT {

    static final String PDF = "application/pdf";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /** A word no other test's report holds, so that a search for it finds this test's report only. */
    private static String marker() {
        return "zq" + Api.unique().replaceAll("[0-9]", "x");
    }

    static List<String> page2(String marker, String address) {
        return List.of(
                "Serious case review: Child A",
                "Learning about " + marker + " and neglect.\nThe family lived at " + address + " in 2019.");
    }

    /** The officer's form with a report; {@code changes} replace or add fields ({@code themes} replaces both). */
    static Multipart form(byte[] report, Map<String, String> changes) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("title", "Child A: a review of neglect");
        fields.put("ageBand", "1-4");
        fields.put("year", String.valueOf(TestClock.today().getYear()));
        fields.put("redactionNames", "Okafor\nJane Doe");
        fields.putAll(changes);
        Multipart m = new Multipart();
        fields.forEach(m::field);
        if (!changes.containsKey("themes")) {
            m.field("themes", "neglect").field("themes", "parental-substance-misuse");
        }
        return m.file("report", "report.pdf", PDF, report)
                .file("response", "response.docx", DOCX, TestReports.docx(List.of("The board accepts the findings.")));
    }

    static Api.Reply publish(Api api, String token, String reviewId, Multipart form) {
        return api.send(
                "POST", "/api/v1/reviews/" + reviewId + "/publication", token, form.contentType(), form.bytes());
    }

    static Api.Reply search(Api api, String query) {
        return api.get("/api/v1/public/reports?" + query, null);
    }

    static List<String> ids(Api.Reply results) {
        return results.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(h -> h.getJsonObject("report").getString("id"))
                .toList();
    }

    /** Every audit entry of the review, with its details. */
    static List<JsonObject> auditEntries(Api api, String reviewId) {
        return api.get("/api/v1/audit?reviewId=" + reviewId + "&size=100", api.adminToken())
                .json()
                .getJsonArray("entries")
                .getValuesAs(JsonObject.class);
    }

    @Test
    void aReportWithAPostcodeIsRefusedWithItsFinding_cleanedItIsPublishedAndFoundWithoutSigningIn(
            Api api, ServerProcess server) throws Exception {
        ReviewWorld w = ReviewWorld.create(api);
        String id = w.openScr(200).getString("id");
        String marker = marker();
        // a name no other test sends, so that the server's log can be searched for it
        String listed = "Qv" + marker;
        Map<String, String> names = Map.of("redactionNames", "Okafor\nJane Doe\n" + listed);

        Api.Reply refused =
                publish(api, w.officer().token(), id, form(TestReports.pdf(page2(marker, "NE1 4ST")), names));

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.error()).isEqualTo("personal_data");
        JsonObject finding =
                refused.json().getJsonObject("details").getJsonArray("findings").getJsonObject(0);
        assertThat(finding.getString("kind")).isEqualTo("POSTCODE");
        assertThat(finding.getString("document")).isEqualTo("report");
        assertThat(finding.getInt("page")).isEqualTo(2);
        assertThat(finding.getString("context")).contains("[postcode]").doesNotContain("NE1 4ST");
        assertThat(ids(search(api, "q=" + marker))).isEmpty();
        assertThat(api.get("/api/v1/reviews/" + id + "/publication", w.officer().token())
                        .status())
                .isEqualTo(404);
        assertThat(ReviewsIT.audit(api, id)).contains("REPORT_PUBLICATION_REFUSED");

        Api.Reply published =
                publish(api, w.officer().token(), id, form(TestReports.pdf(page2(marker, "the town")), names));

        assertThat(published.status()).as(published.body()).isEqualTo(201);
        String reportId = published.json().getString("id");
        assertThat(published.headers().firstValue("Location"))
                .hasValue(SharedServer.PUBLIC_BASE_URL + "/api/v1/public/reports/" + reportId);
        Api.Reply byWord = search(api, "q=" + marker);
        assertThat(ids(byWord)).containsExactly(reportId);
        assertThat(byWord.json()
                        .getJsonArray("items")
                        .getJsonObject(0)
                        .getJsonArray("highlights")
                        .getString(0))
                .contains("<b>" + marker + "</b>");
        assertThat(ids(search(api, "theme=parental-substance-misuse&size=100&q=" + marker)))
                .containsExactly(reportId);
        assertThat(ids(search(api, "theme=domestic-abuse&q=" + marker))).isEmpty();
        Api.Reply byTheme = search(api, "theme=neglect&size=100");
        assertThat(ids(byTheme)).contains(reportId);
        assertThat(byTheme.json().getJsonObject("facets").getJsonArray("theme").getValuesAs(JsonObject.class))
                .anySatisfy(f -> assertThat(f.getString("value")).isEqualTo("neglect"));
        assertThat(search(
                                api,
                                "board=" + w.board() + "&ageBand=1-4&year="
                                        + TestClock.today().getYear())
                        .json()
                        .getJsonNumber("total")
                        .longValue())
                .isEqualTo(1);

        JsonObject meta = api.get("/api/v1/public/reports/" + reportId, null).json();
        assertThat(meta.getString("title")).isEqualTo("Child A: a review of neglect");
        assertThat(meta.getJsonObject("board").getString("code")).isEqualTo(w.board());
        assertThat(meta.toString()).doesNotContain("Okafor", "Jane Doe");
        Api.Bytes content = api.getBytes("/api/v1/public/reports/" + reportId + "/content", null);
        assertThat(content.status()).isEqualTo(200);
        assertThat(content.headers().firstValue("Content-Type")).hasValue(PDF);
        assertThat(content.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"report-" + reportId + ".pdf\"");
        assertThat(new String(content.body(), 0, 5)).isEqualTo("%PDF-");
        Api.Bytes response = api.getBytes("/api/v1/public/reports/" + reportId + "/response", null);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(DOCX);
        assertThat(ReviewsIT.audit(api, id)).contains("REPORT_PUBLISHED");
        // the redaction names are used for the check and then dropped: in no audit entry, answer or log line
        assertThat(auditEntries(api, id).toString()).doesNotContain("Okafor", "Jane Doe", listed);
        assertThat(refused.body() + published.body()).doesNotContain("Okafor", "Jane Doe", listed);
        ServerLog.awaitMarker(api, server);
        assertThat(server.log()).doesNotContain(listed);
        // the review's own documents are untouched: publication adds nothing to them
        assertThat(api.get("/api/v1/reviews/" + id + "/documents", w.officer().token())
                        .value()
                        .asJsonArray())
                .isEmpty();
        // one report in the library per review
        Api.Reply again =
                publish(api, w.officer().token(), id, form(TestReports.pdf(page2(marker, "the town")), Map.of()));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.error()).isEqualTo("already_published");
    }

    /** A text field sent as a file, or in a character set nobody knows, is a 400 naming it, not a failure of the server. */
    @Test
    void aTextFieldThatIsNotPlainTextIsRefusedWithItsName(Api api) {
        ReviewWorld w = ReviewWorld.create(api);
        String id = w.openScr(200).getString("id");
        byte[] report = TestReports.pdf(page2(marker(), "the town"));

        for (String type : List.of("text/html", "application/octet-stream", "text/plain; charset=nope")) {
            Multipart asFile = new Multipart()
                    .field("title", "A title")
                    .field("themes", "neglect")
                    .file("ageBand", "age.txt", type, "1-4".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .file("report", "report.pdf", PDF, report);
            Multipart repeated = new Multipart()
                    .file("themes", "t.txt", type, "neglect".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .field("title", "A title");

            Api.Reply single = publish(api, w.officer().token(), id, asFile);
            Api.Reply many = publish(api, w.officer().token(), id, repeated);

            assertThat(single.status()).as(type + ": " + single.body()).isEqualTo(400);
            assertThat(single.json().getJsonObject("details").getString("field"))
                    .isEqualTo("ageBand");
            assertThat(many.status()).as(type + ": " + many.body()).isEqualTo(400);
            assertThat(many.json().getJsonObject("details").getString("field")).isEqualTo("themes");
        }
        assertThat(api.get("/api/v1/reviews/" + id + "/publication", w.officer().token())
                        .status())
                .isEqualTo(404);
    }

    /** The title is published as the report is, so a name or postcode in it is refused as one in the report [11]. */
    @Test
    void personalDataInTheTitleIsRefusedMaskedAndNothingIsPublished(Api api) {
        ReviewWorld w = ReviewWorld.create(api);
        String id = w.openScr(200).getString("id");
        String marker = marker();

        Api.Reply refused = publish(
                api,
                w.officer().token(),
                id,
                form(TestReports.pdf(page2(marker, "the town")), Map.of("title", "Child A (Jane Okafor) of NE1 4ST")));

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.error()).isEqualTo("personal_data");
        List<JsonObject> findings =
                refused.json().getJsonObject("details").getJsonArray("findings").getValuesAs(JsonObject.class);
        assertThat(findings)
                .extracting(f -> f.getString("document") + " " + f.getString("kind"))
                .containsExactly("title NAME", "title POSTCODE");
        assertThat(refused.body()).doesNotContain("Okafor", "NE1 4ST");
        assertThat(ids(search(api, "q=" + marker))).isEmpty();
        assertThat(api.get("/api/v1/reviews/" + id + "/publication", w.officer().token())
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aWithdrawnReportLeavesTheSearchAndItsAddressesAtOnce(Api api) {
        ReviewWorld w = ReviewWorld.create(api);
        String id = w.openScr(200).getString("id");
        String marker = marker();
        Api.Reply published =
                publish(api, w.chair().token(), id, form(TestReports.pdf(page2(marker, "town")), Map.of()));
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        String reportId = published.json().getString("id");
        assertThat(ids(search(api, "q=" + marker))).containsExactly(reportId);

        Api.Reply noReason = api.post(
                "/api/v1/reviews/" + id + "/publication/withdrawal", w.officer().token(), "{}");
        Api.Reply withdrawn = api.post(
                "/api/v1/reviews/" + id + "/publication/withdrawal",
                w.officer().token(),
                "{\"reason\":\"The family asked for more time\"}");

        assertThat(noReason.status()).isEqualTo(400);
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        assertThat(ids(search(api, "q=" + marker))).isEmpty();
        assertThat(api.get("/api/v1/public/reports/" + reportId, null).status()).isEqualTo(404);
        assertThat(api.getBytes("/api/v1/public/reports/" + reportId + "/content", null)
                        .status())
                .isEqualTo(404);
        assertThat(api.getBytes("/api/v1/public/reports/" + reportId + "/response", null)
                        .status())
                .isEqualTo(404);
        assertThat(ReviewsIT.audit(api, id)).contains("REPORT_WITHDRAWN");
        Api.Reply twice = api.post(
                "/api/v1/reviews/" + id + "/publication/withdrawal", w.officer().token(), "{\"reason\":\"again\"}");
        assertThat(twice.status()).isEqualTo(409);
        // withdrawn, the review may publish again
        assertThat(publish(api, w.officer().token(), id, form(TestReports.pdf(page2(marker, "town")), Map.of()))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void theChairPublishesOverAFindingWithAReasonThatIsAudited_anOfficerMayNot(Api api) {
        ReviewWorld w = ReviewWorld.create(api);
        String id = w.openScr(200).getString("id");
        String marker = marker();
        // "Hope" is on the redaction list and is also a word: written as a name, it is found
        byte[] report = TestReports.pdf(List.of("Learning about " + marker + ": Hope told her teacher."));
        String names = "Hope\nOkafor\nJane Doe";
        Map<String, String> override = Map.of(
                "redactionNames",
                names,
                "overrideReason",
                "Hope is the name of the school's project, not of the child");

        Api.Reply byOfficer = publish(api, w.officer().token(), id, form(report, override));
        Api.Reply withoutReason = publish(api, w.chair().token(), id, form(report, Map.of("redactionNames", names)));
        Api.Reply byChair = publish(api, w.chair().token(), id, form(report, override));

        assertThat(byOfficer.status()).as(byOfficer.body()).isEqualTo(403);
        assertThat(withoutReason.status()).isEqualTo(409);
        assertThat(withoutReason
                        .json()
                        .getJsonObject("details")
                        .getJsonArray("findings")
                        .getJsonObject(0)
                        .getString("kind"))
                .isEqualTo("NAME");
        assertThat(byChair.status()).as(byChair.body()).isEqualTo(201);
        assertThat(ids(search(api, "q=" + marker)))
                .containsExactly(byChair.json().getString("id"));
        List<JsonObject> entries = auditEntries(api, id);
        assertThat(entries)
                .filteredOn(e -> e.getString("action").equals("REPORT_PUBLISHED_OVER_FINDINGS"))
                .singleElement()
                .satisfies(e -> assertThat(e.toString()).contains("the school's project"));
        // the redaction names are used for the check and not kept
        assertThat(entries.toString()).doesNotContain("Okafor", "Jane Doe");
        // the public sees what was published, never the Chair's reason for publishing over a finding
        String reportId = byChair.json().getString("id");
        assertThat(api.get("/api/v1/public/reports/" + reportId, null).body()).doesNotContain("school's project");
        assertThat(search(api, "q=" + marker).body()).doesNotContain("school's project");
    }

    @Test
    void onlyTheLeadBoardsOfficersAndChairPublishOrWithdraw_everybodyReadsTheLibrary(Api api) {
        ReviewWorld w = ReviewWorld.create(api);
        String id = w.openScr(200).getString("id");
        byte[] report = TestReports.pdf(page2(marker(), "town"));
        String otherBoard = api.newOrganisation("LSCB");
        Map<String, Api.Login> refused = new java.util.LinkedHashMap<>();
        refused.put("another board's officer", api.newAccount("LSCB_OFFICER", otherBoard));
        refused.put("another board's Chair", api.newAccount("LSCB_CHAIR", otherBoard));
        refused.put("involved agency user", w.police());
        refused.put("reviewer", api.newAccount("REVIEWER"));
        refused.put("CDOP member", api.newAccount("CDOP_MEMBER"));
        refused.put("coroner", api.newAccount("CORONER"));
        refused.put("paediatrician", api.newAccount("PAEDIATRICIAN"));
        Map<String, Integer> expected = Map.of(
                "another board's officer", 404,
                "another board's Chair", 404,
                "involved agency user", 403,
                "reviewer", 404,
                "CDOP member", 404,
                "coroner", 404,
                "paediatrician", 404);
        for (var e : refused.entrySet()) {
            Api.Reply r = publish(api, e.getValue().token(), id, form(report, Map.of()));
            assertThat(r.status()).as(e.getKey() + ": " + r.body()).isEqualTo(expected.get(e.getKey()));
        }
        assertThat(publish(api, api.adminToken(), id, form(report, Map.of())).status())
                .isEqualTo(403);
        assertThat(publish(api, null, id, form(report, Map.of())).status()).isEqualTo(401);

        Api.Reply published = publish(api, w.officer().token(), id, form(report, Map.of()));
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        String reportId = published.json().getString("id");

        for (var e : refused.entrySet()) {
            Api.Reply r = api.post(
                    "/api/v1/reviews/" + id + "/publication/withdrawal",
                    e.getValue().token(),
                    "{\"reason\":\"no\"}");
            assertThat(r.status()).as(e.getKey()).isEqualTo(expected.get(e.getKey()));
            String token = e.getValue().token();
            assertThat(api.get("/api/v1/public/reports?q=neglect", token).status())
                    .as(e.getKey())
                    .isEqualTo(200);
            assertThat(api.get("/api/v1/public/reports/" + reportId, token).status())
                    .isEqualTo(200);
            assertThat(api.getBytes("/api/v1/public/reports/" + reportId + "/content", token)
                            .status())
                    .isEqualTo(200);
        }
        for (String token : new String[] {
            null, api.adminToken(), w.officer().token(), w.chair().token()
        }) {
            assertThat(api.get("/api/v1/public/reports/" + reportId, token).status())
                    .isEqualTo(200);
            assertThat(api.getBytes("/api/v1/public/reports/" + reportId + "/response", token)
                            .status())
                    .isEqualTo(200);
        }
        assertThat(api.get("/api/v1/public/reports/" + java.util.UUID.randomUUID(), null)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void badInputForEveryFieldIsRefusedAndNothingIsPublished(Api api) {
        ReviewWorld w = ReviewWorld.create(api);
        String id = w.openScr(200).getString("id");
        byte[] report = TestReports.pdf(page2(marker(), "town"));
        int year = TestClock.today().getYear();
        Map<String, Map<String, String>> bad = new java.util.LinkedHashMap<>();
        bad.put("unknown theme", Map.of("themes", "witchcraft"));
        bad.put("no theme", Map.of("themes", ""));
        bad.put("bad age band", Map.of("ageBand", "18-25"));
        bad.put("no age band", Map.of("ageBand", ""));
        bad.put("year too early", Map.of("year", "1999"));
        bad.put("year in the future", Map.of("year", String.valueOf(year + 2)));
        bad.put("year not a number", Map.of("year", "last year"));
        bad.put("no title", Map.of("title", " "));
        bad.put("title too long", Map.of("title", "t".repeat(201)));
        bad.put("one-letter name", Map.of("redactionNames", "A"));
        bad.put("name too long", Map.of("redactionNames", "x".repeat(101)));
        bad.put("override reason by an officer", Map.of("overrideReason", "because"));
        for (var e : bad.entrySet()) {
            Api.Reply r = publish(api, w.officer().token(), id, form(report, e.getValue()));
            int status = e.getKey().startsWith("override") ? 403 : 400;
            assertThat(r.status()).as(e.getKey() + ": " + r.body()).isEqualTo(status);
        }
        Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        files.put("not a PDF or Word", "just some text".getBytes());
        files.put("empty", new byte[0]);
        files.put("legacy .doc", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1});
        files.put("truncated PDF", java.util.Arrays.copyOf(report, report.length / 2));
        for (var e : files.entrySet()) {
            Api.Reply r = publish(api, w.officer().token(), id, form(e.getValue(), Map.of()));
            assertThat(r.status()).as(e.getKey() + ": " + r.body()).isEqualTo(400);
        }
        Multipart noTitle = new Multipart()
                .field("themes", "neglect")
                .field("ageBand", "1-4")
                .field("year", String.valueOf(year))
                .file("report", "r.pdf", PDF, report)
                .file("response", "r.pdf", PDF, report);
        assertThat(publish(api, w.officer().token(), id, noTitle).status()).isEqualTo(400);
        Multipart noResponse = new Multipart()
                .field("title", "T")
                .field("themes", "neglect")
                .field("ageBand", "1-4")
                .field("year", String.valueOf(year))
                .file("report", "r.pdf", PDF, report);
        assertThat(publish(api, w.officer().token(), id, noResponse).status()).isEqualTo(400);
        // oversize: refused from its declared length, before its body is kept
        byte[] huge = new byte[41 * 1024 * 1024 + 1];
        huge[0] = '%';
        Api.Reply tooLarge = publish(api, w.officer().token(), id, form(huge, Map.of()));
        assertThat(tooLarge.status()).isEqualTo(413);
        // not a JSON body where the form is expected
        assertThat(api.post(
                                "/api/v1/reviews/" + id + "/publication",
                                w.officer().token(),
                                "{}")
                        .status())
                .isEqualTo(415);
        // a child death review's report is not published here
        String cdr = w.openChildDeath(10).getString("id");
        Api.Reply notPublishable = publish(api, w.officer().token(), cdr, form(report, Map.of()));
        assertThat(notPublishable.status()).isEqualTo(409);
        // nothing was published, and the search refuses unknown facet values
        assertThat(api.get("/api/v1/reviews/" + id + "/publication", w.officer().token())
                        .status())
                .isEqualTo(404);
        assertThat(search(api, "theme=witchcraft").status()).isEqualTo(400);
        assertThat(search(api, "ageBand=99").status()).isEqualTo(400);
        assertThat(search(api, "year=twenty").status()).isEqualTo(400);
        assertThat(search(api, "q=" + "a".repeat(201)).status()).isEqualTo(400);
        assertThat(search(api, "size=1000").status()).isEqualTo(400);
    }
}
