package org.lscb.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lscb.server.it.browser.Browser;
import org.lscb.server.it.browser.InboxPage;
import org.lscb.server.it.browser.ReviewDocumentsPage;
import org.lscb.server.it.browser.SignInPage;
import org.lscb.server.web.Words;

/**
 * Journey 6: the coroner sees the joint report addressed to them in their inbox, when it arrived and when they
 * acknowledged it; a coroner not appointed to the review sees neither the report nor the review.
 */
@ExtendWith(SharedServer.class)
class CoronerInboxBrowserIT {

    private final Api api;

    CoronerInboxBrowserIT(Api api) {
        this.api = api;
    }

    /** A child death review with the coroner and paediatrician appointed and the joint report sent; answers its id. */
    private String jointReportSent(ReviewWorld w, Api.Login coroner) throws Exception {
        String cdr = w.openChildDeath(3).getString("id");
        Api.Login paediatrician = api.newAccount("PAEDIATRICIAN");
        for (Api.Login who : List.of(coroner, paediatrician)) {
            Api.Reply appointed = api.post(
                    "/api/v1/reviews/" + cdr + "/appointments",
                    w.officer().token(),
                    "{\"accountId\":\"" + who.id() + "\",\"role\":\"" + (who == coroner ? "CORONER" : "PAEDIATRICIAN")
                            + "\"}");
            assertThat(appointed.status()).as(appointed.body()).isEqualTo(201);
        }
        KeyHolder.enrol(api, w.officer().token(), "board", false);
        KeyHolder.enrol(api, coroner.token(), null, false);
        Api.Reply sent = DocumentRequestsIT.sendPlain(api, paediatrician, cdr, "CORONER_JOINT_REPORT", "Joint report");
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        return cdr;
    }

    @Test
    void coroner_seesTheJointReportInTheInbox_withWhenItArrived_andWhenTheyAcknowledgedIt() throws Exception {
        ReviewWorld w = ReviewWorld.create(api);
        Api.Login coroner = api.newAccount("CORONER");
        String cdr = jointReportSent(w, coroner);
        String reference =
                api.get("/api/v1/reviews/" + cdr, w.officer().token()).json().getString("reference");
        var document =
                api.get("/api/v1/inbox", coroner.token()).value().asJsonArray().getJsonObject(0);
        String arrived =
                Words.at(Instant.parse(document.getJsonObject("document").getString("uploadedAt")));

        try (Browser browser = Browser.open(api.baseUrl())) {
            SignInPage.signIn(
                    browser, coroner.username(), coroner.password(), () -> api.signInCode(coroner.username()));
            browser.checkPage("coroner-dashboard");
            InboxPage inbox = InboxPage.openFromNavigation(browser);
            assertThat(browser.heading()).isEqualTo("Inbox");
            assertThat(inbox.row("Joint report"))
                    .containsExactly(
                            "Joint report\nJoint report to the coroner, version 1, OFFICIAL-SENSITIVE",
                            reference,
                            arrived,
                            "Not acknowledged");
            browser.checkPage("coroner-inbox");

            Api.Reply receipt = api.post(
                    "/api/v1/documents/" + document.getJsonObject("document").getString("id") + "/receipt",
                    coroner.token(),
                    "{}");
            assertThat(receipt.status()).as(receipt.body()).isEqualTo(201);
            InboxPage.open(browser);
            assertThat(inbox.row("Joint report").get(3))
                    .isEqualTo(Words.at(Instant.parse(receipt.json().getString("receivedAt"))));
            browser.checkPage("coroner-inbox-acknowledged");

            // the inbox leads to the document, to open in the browser; its back link to the review's documents
            org.lscb.server.it.browser.FormPost.clickAndWait(browser, org.openqa.selenium.By.linkText("Joint report"));
            assertThat(browser.heading()).isEqualTo("Joint report");
            assertThat(browser.path())
                    .isEqualTo(
                            "/documents/" + document.getJsonObject("document").getString("id") + "/open");
            browser.checkPage("coroner-open-joint-report");
            org.lscb.server.it.browser.FormPost.clickAndWait(browser, org.openqa.selenium.By.linkText("Back"));
            ReviewDocumentsPage documents = new ReviewDocumentsPage(browser);
            assertThat(browser.heading()).isEqualTo("Documents for review " + reference);
            assertThat(documents.recipientsOf("Joint report"))
                    .anySatisfy(r -> assertThat(r)
                            .contains("Test CORONER")
                            .contains(Words.at(Instant.parse(receipt.json().getString("receivedAt")))));
            browser.checkPage("coroner-review-documents");
        }
    }

    @Test
    void aCoronerNotAppointed_seesNoJointReport_andPageNotFoundForTheReview() throws Exception {
        ReviewWorld w = ReviewWorld.create(api);
        String cdr = jointReportSent(w, api.newAccount("CORONER"));
        Api.Login other = api.newAccount("CORONER");

        try (Browser browser = Browser.open(api.baseUrl())) {
            SignInPage.signIn(browser, other.username(), other.password(), () -> api.signInCode(other.username()));
            InboxPage inbox = InboxPage.open(browser);
            assertThat(inbox.documents()).isEmpty();
            assertThat(browser.find(org.openqa.selenium.By.tagName("main")).getText())
                    .contains("Nothing has been sent to you yet");
            browser.checkPage("other-coroner-inbox");
            ReviewDocumentsPage.open(browser, cdr);
            assertThat(browser.heading()).isEqualTo("Page not found");
            browser.checkPage("other-coroner-review-documents");
        }
    }
}
