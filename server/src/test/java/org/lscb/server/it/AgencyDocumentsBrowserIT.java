package org.lscb.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lscb.server.it.browser.AskForADocumentPage;
import org.lscb.server.it.browser.AskedOfYouPage;
import org.lscb.server.it.browser.Browser;
import org.lscb.server.it.browser.ReviewDocumentsPage;
import org.lscb.server.it.browser.SentDocumentsPage;
import org.lscb.server.it.browser.SignInPage;
import org.lscb.server.web.Words;
import org.openqa.selenium.By;

/**
 * Journey 5: an agency user sees the reviews their organisation takes part in, what the board asked of them (an
 * IMR by a date), and the documents they sent with each recipient's acknowledgement; the officer's form that
 * asks; and the refusals of other boards and organisations.
 */
@ExtendWith(SharedServer.class)
class AgencyDocumentsBrowserIT {

    private final Api api;

    AgencyDocumentsBrowserIT(Api api) {
        this.api = api;
    }

    @Test
    void agencyUser_seesTheReview_whatIsAskedOfThem_andTheirDocumentsWithReceipts() throws Exception {
        ReviewWorld w = ReviewWorld.create(api);
        var review = w.openScr(3);
        String reviewId = review.getString("id");
        String reference = review.getString("reference");
        KeyHolder.enrol(api, w.officer().token(), "board", false);
        LocalDate due = TestClock.today().plusDays(20);
        assertThat(DocumentRequestsIT.ask(
                                api, w.officer(), reviewId, w.agencies().get(0), "IMR", due)
                        .status())
                .isEqualTo(201);
        String chronology = DocumentRequestsIT.sendPlain(api, w.police(), reviewId, "CHRONOLOGY", "Police chronology")
                .json()
                .getString("id");
        Api.Reply receipt = api.post(
                "/api/v1/documents/" + chronology + "/receipt", w.officer().token(), "{}");
        assertThat(receipt.status()).as(receipt.body()).isEqualTo(201);
        String acknowledged = Words.at(Instant.parse(receipt.json().getString("receivedAt")));

        try (Browser browser = Browser.open(api.baseUrl())) {
            SignInPage.signIn(
                    browser,
                    w.police().username(),
                    w.police().password(),
                    () -> api.signInCode(w.police().username()));
            assertThat(browser.heading()).isEqualTo("Reviews");
            assertThat(browser.find(By.cssSelector("main table")).getText()).contains(reference);
            browser.checkPage("agency-dashboard");

            AskedOfYouPage asked = AskedOfYouPage.openFromNavigation(browser);
            assertThat(browser.heading()).isEqualTo("Asked of your organisation");
            assertThat(asked.requests())
                    .singleElement()
                    .asString()
                    .contains("Individual management review (IMR) for review " + reference)
                    .contains("Due " + Words.day(due.toString()))
                    .contains("Cover the year before the incident");
            browser.checkPage("agency-asked-of-you");

            ReviewDocumentsPage documents = asked.openReview(reference);
            assertThat(browser.heading()).isEqualTo("Documents for review " + reference);
            assertThat(documents.askedFor())
                    .singleElement()
                    .asString()
                    .contains("Individual management review (IMR)")
                    .contains(Words.day(due.toString()))
                    .contains("Open");
            assertThat(documents.document("Police chronology"))
                    .contains("Chronology")
                    .contains("OFFICIAL-SENSITIVE")
                    .contains("Test AGENCY_USER");
            assertThat(documents.recipientsOf("Police chronology"))
                    .singleElement()
                    .asString()
                    .contains("(board key)")
                    .contains(acknowledged);
            assertThat(browser.findAll(By.linkText("Ask for a document")))
                    .as("only the lead board asks")
                    .isEmpty();
            browser.checkPage("agency-review-documents");

            SentDocumentsPage sent = SentDocumentsPage.openFromNavigation(browser);
            assertThat(browser.heading()).isEqualTo("Sent documents");
            assertThat(sent.titles()).contains("Police chronology");
            assertThat(sent.recipientsOf("Police chronology"))
                    .singleElement()
                    .asString()
                    .contains(acknowledged);
            browser.checkPage("agency-sent-documents");
        }
    }

    @Test
    void officerAsksForAnImr_withTheForm_andTheRequestShowsOnTheReview() {
        ReviewWorld w = ReviewWorld.create(api);
        var review = w.openScr(3);
        String reviewId = review.getString("id");
        String police = api.get(
                        "/api/v1/organisations/" + w.agencies().get(0),
                        w.officer().token())
                .json()
                .getString("name");
        LocalDate due = TestClock.today().plusDays(14);

        try (Browser browser = Browser.open(api.baseUrl())) {
            SignInPage.signIn(
                    browser,
                    w.officer().username(),
                    w.officer().password(),
                    () -> api.signInCode(w.officer().username()));
            ReviewDocumentsPage documents = ReviewDocumentsPage.open(browser, reviewId);
            browser.checkPage("officer-review-documents-empty");
            AskForADocumentPage form = documents.askForADocument();
            assertThat(browser.heading()).isEqualTo("Ask for a document");
            browser.checkPage("officer-ask-for-a-document");

            form.chooseOrganisation(police)
                    .chooseDocument("Individual management review (IMR)")
                    .dueOn(due)
                    .note("Please cover contacts since 2024")
                    .send();

            assertThat(browser.path()).isEqualTo("/reviews/" + reviewId + "/documents?requested");
            assertThat(documents.banner()).contains("Request sent");
            assertThat(documents.askedFor())
                    .singleElement()
                    .asString()
                    .contains(police)
                    .contains(Words.day(due.toString()));
            browser.checkPage("officer-review-documents-requested");
        }
    }

    @Test
    void theRequestFormWithoutAnswers_orWithAPastDate_showsEachError_andStoresNothing() {
        ReviewWorld w = ReviewWorld.create(api);
        String reviewId = w.openScr(3).getString("id");
        String police = api.get(
                        "/api/v1/organisations/" + w.agencies().get(0),
                        w.officer().token())
                .json()
                .getString("name");

        try (Browser browser = Browser.open(api.baseUrl())) {
            SignInPage.signIn(
                    browser,
                    w.officer().username(),
                    w.officer().password(),
                    () -> api.signInCode(w.officer().username()));
            AskForADocumentPage form = AskForADocumentPage.open(browser, reviewId);
            form.send();
            assertThat(form.errors())
                    .containsExactly(
                            "Select the organisation to ask",
                            "Select the document you are asking for",
                            "Enter the date the document is due");
            assertThat(form.errorAt("organisationId")).contains("Select the organisation to ask");
            assertThat(form.errorAt("dueOn")).contains("Enter the date the document is due");
            assertThat(browser.driver().getTitle()).startsWith("Error: Ask for a document");
            browser.checkPage("officer-ask-for-a-document-errors");

            form.chooseOrganisation(police)
                    .chooseDocument("Chronology")
                    .dueOn(TestClock.today().minusDays(3))
                    .send();
            assertThat(form.errors()).containsExactly("The due date must be today or later");

            // the form kept the organisation and the document chosen: a right date is all it still needs
            form.dueOn(LocalDate.of(2030, 2, 1)).send();
            assertThat(browser.path()).startsWith("/reviews/" + reviewId + "/documents");
        }
        assertThat(api.get(
                                "/api/v1/reviews/" + reviewId + "/requests",
                                w.officer().token())
                        .value()
                        .asJsonArray())
                .hasSize(1);
    }

    @Test
    void anotherBoardsOfficer_andAgencies_outsideTheReview_getPageNotFound_andARefusedPostStoresNothing() {
        TwoBoards boards = TwoBoards.create(api, true);
        ReviewWorld w = boards.a();
        String reviewId = w.openScr(3).getString("id");
        String reviewOfB = boards.reviewOfB();
        Api.Login otherAgency = api.newAccount("AGENCY_USER");

        try (Browser browser = Browser.open(api.baseUrl())) {
            SignInPage.signIn(
                    browser,
                    boards.officerB().username(),
                    boards.officerB().password(),
                    () -> api.signInCode(boards.officerB().username()));
            ReviewDocumentsPage.open(browser, reviewId);
            assertThat(browser.heading()).isEqualTo("Page not found");
            browser.checkPage("other-board-review-documents");
            AskForADocumentPage.open(browser, reviewId);
            assertThat(browser.heading()).isEqualTo("Page not found");

            // the officer's own review's form, sent to the other board's review with the session's own token
            AskForADocumentPage.open(browser, reviewOfB);
            assertThat(browser.heading()).isEqualTo("Ask for a document");
            ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                    .executeScript(
                            "document.querySelector('main form').action = arguments[0];"
                                    + "document.getElementById('dueOn-day').value = '1';"
                                    + "document.getElementById('dueOn-month').value = '2';"
                                    + "document.getElementById('dueOn-year').value = '2030';",
                            "/reviews/" + reviewId + "/requests/new");
            new AskForADocumentPage(browser)
                    .chooseDocument("Individual management review (IMR)")
                    .send();
            assertThat(browser.heading()).isEqualTo("Page not found");
        }
        for (Api.Login agency : new Api.Login[] {boards.agencyB(), otherAgency}) {
            try (Browser browser = Browser.open(api.baseUrl())) {
                SignInPage.signIn(
                        browser, agency.username(), agency.password(), () -> api.signInCode(agency.username()));
                ReviewDocumentsPage.open(browser, reviewId);
                assertThat(browser.heading()).isEqualTo("Page not found");
                browser.go("/reviews/" + reviewId + "/requests/new");
                assertThat(browser.heading()).isEqualTo("You cannot do this");
            }
        }
        assertThat(api.get(
                                "/api/v1/reviews/" + reviewId + "/requests",
                                w.officer().token())
                        .body())
                .isEqualTo("[]");
    }
}
