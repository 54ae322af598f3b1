package org.lscb.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lscb.server.it.browser.PageClient;

/**
 * "Give access to documents" follows the grant call it drives ({@code POST /api/v1/documents/{id}/recipients}):
 * only the lead board's officers may grant, so a cooperating board's officer, who may read the review, is told
 * the page does not exist, as the grant call tells them the document does not.
 */
@ExtendWith(SharedServer.class)
class GiveAccessPageIT {

    @Test
    void a_cooperating_boards_officer_finds_no_give_access_page_and_the_lead_boards_officer_does(Api api) {
        ReviewWorld lead = ReviewWorld.create(api);
        String cooperating = api.newOrganisation("LSCB");
        Api.Login cooperatingOfficer = api.newAccount("LSCB_OFFICER", cooperating);
        Api.Reply review = api.post(
                "/api/v1/reviews",
                lead.officer().token(),
                "{\"type\":\"SERIOUS_CASE_REVIEW\",\"reference\":\"C-" + Api.unique()
                        + "\",\"pseudonym\":\"Child C\",\"leadLscbId\":\"" + lead.board()
                        + "\",\"cooperatingLscbIds\":[\"" + cooperating + "\"],\"organisationIds\":"
                        + ReviewWorld.quoted(lead.agencies()) + ",\"dates\":{\"notification\":\""
                        + TestClock.today().minusDays(2) + "\"}}");
        assertThat(review.status()).as(review.body()).isEqualTo(201);
        String path = "/reviews/" + review.json().getString("id") + "/access";

        PageClient cooperatingBrowser = new PageClient(api.baseUrl());
        cooperatingBrowser.signIn(
                cooperatingOfficer.username(),
                cooperatingOfficer.password(),
                () -> api.signInCode(cooperatingOfficer.username()));
        PageClient leadBrowser = new PageClient(api.baseUrl());
        leadBrowser.signIn(
                lead.officer().username(),
                lead.officer().password(),
                () -> api.signInCode(lead.officer().username()));

        PageClient.Answer refused = cooperatingBrowser.get(path);
        PageClient.Answer shown = leadBrowser.get(path);
        assertThat(cooperatingBrowser
                        .get("/reviews/" + review.json().getString("id"))
                        .status())
                .as("the cooperating board reads the review itself")
                .isEqualTo(200);
        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.body()).contains(">Page not found</h1>");
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.body()).contains(">Give access to documents</h1>");
    }
}
