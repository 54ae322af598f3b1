package org.lscb.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lscb.library.TestReports;
import org.lscb.server.it.browser.PageClient;

/**
 * The publication page and the public library's pages [11], as a browser without JavaScript uses them: the upload
 * form posts a multipart form whose first field is the session's CSRF token; a refusal shows the findings masked;
 * a published report is found in the library without signing in, with its highlights and download links.
 */
@ExtendWith(SharedServer.class)
class PublicationPagesIT {

    @Test
    void theOfficersFormShowsTheFindings_thenPublishes_andAnyoneFindsTheReportInTheLibrary(Api api) {
        ReviewWorld w = ReviewWorld.create(api);
        String id = w.openScr(200).getString("id");
        String marker = "zq" + Api.unique().replaceAll("[0-9]", "y");
        PageClient officer = new PageClient(api.baseUrl());
        officer.signIn(
                w.officer().username(),
                w.officer().password(),
                () -> api.signInCode(w.officer().username()));
        String path = "/reviews/" + id + "/publication";
        PageClient.Answer form = officer.get(path);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body())
                .contains(
                        "enctype=\"multipart/form-data\"",
                        "name=\"redactionNames\"",
                        "Sudden unexpected death in infancy");
        assertThat(officer.get("/reviews/" + id).body()).contains("href=\"" + path + "\"");
        String csrf = officer.csrfOf(path);

        Multipart withPostcode = withCsrf(csrf, TestReports.pdf(PublicationIT.page2(marker, "NE1 4ST")));
        PageClient.Answer refused = officer.postBytes(path, withPostcode.contentType(), withPostcode.bytes());

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body())
                .contains("Personal data found", "[postcode]", "page 2")
                .doesNotContain("NE1 4ST");
        assertThat(refused.body()).contains("value=\"Child A: a review of neglect\"");

        Multipart noToken = new Multipart().field("title", "No token");
        assertThat(officer.postBytes(path, noToken.contentType(), noToken.bytes())
                        .status())
                .isEqualTo(403);

        Multipart clean = withCsrf(csrf, TestReports.pdf(PublicationIT.page2(marker, "the town")));
        PageClient.Answer published = officer.postBytes(path, clean.contentType(), clean.bytes());

        assertThat(published.status()).as(published.body()).isEqualTo(303);
        assertThat(published.location()).startsWith("/library/");
        PageClient reader = new PageClient(api.baseUrl());
        PageClient.Answer results = reader.get("/library?q=" + marker + "&theme=neglect");
        assertThat(results.status()).isEqualTo(200);
        assertThat(results.body())
                .contains("1 report found", "Child A: a review of neglect", "<mark>" + marker + "</mark>")
                .contains("name=\"theme\" type=\"checkbox\" value=\"neglect\"");
        PageClient.Answer report = reader.get(published.location());
        assertThat(report.status()).isEqualTo(200);
        String reportId = published.location().substring("/library/".length());
        assertThat(report.body())
                .contains("href=\"/api/v1/public/reports/" + reportId + "/content\"")
                .contains("href=\"/api/v1/public/reports/" + reportId + "/response\"");
        // published, the officer's page offers withdrawal, which needs a reason
        assertThat(officer.get(path).body()).contains("Withdraw the report");
        assertThat(officer.post(path + "/withdrawal", java.util.Map.of("csrf", csrf))
                        .status())
                .isEqualTo(400);
        PageClient.Answer withdrawn =
                officer.post(path + "/withdrawal", java.util.Map.of("csrf", csrf, "reason", "Asked by the family"));
        assertThat(withdrawn.status()).isEqualTo(303);
        assertThat(reader.get(published.location()).status()).isEqualTo(404);
        assertThat(reader.get("/library?q=" + marker).body()).contains("0 reports found");
    }

    private static Multipart withCsrf(String csrf, byte[] report) {
        Multipart m = new Multipart()
                .field("csrf", csrf)
                .field("title", "Child A: a review of neglect")
                .field("themes", "neglect")
                .field("ageBand", "1-4")
                .field("year", String.valueOf(TestClock.today().getYear()))
                .field("redactionNames", "Okafor");
        return m.file("report", "report.pdf", PublicationIT.PDF, report)
                .file(
                        "response",
                        "response.docx",
                        PublicationIT.DOCX,
                        TestReports.docx(List.of("The board accepts the findings.")));
    }
}
