package org.lscb.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lscb.server.it.browser.PageClient;

/**
 * CSRF on the web pages (docs/security.md "Web pages"): a form posted without the session's token, with
 * another session's, is refused with the 403 page and changes nothing; a post that is not a form at all is
 * refused (415) before any page resource runs.
 */
@ExtendWith(SharedServer.class)
class PageCsrfIT {

    @Test
    void signing_out_without_the_token_is_refused_and_the_session_stays_signed_in(Api api) {
        Api.Login officer = api.newAccount("LSCB_OFFICER");
        PageClient browser = new PageClient(api.baseUrl());
        browser.signIn(officer.username(), officer.password(), () -> api.signInCode(officer.username()));

        PageClient.Answer refused = browser.post("/sign-out", Map.of());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("<h1 class=\"govuk-heading-l\">You cannot do this</h1>");
        assertThat(browser.get("/").status()).isEqualTo(200);
    }

    @Test
    void another_sessions_token_is_refused_and_changes_nothing(Api api) {
        Api.Login officer = api.newAccount("LSCB_OFFICER");
        PageClient victim = new PageClient(api.baseUrl());
        victim.signIn(officer.username(), officer.password(), () -> api.signInCode(officer.username()));
        PageClient attacker = new PageClient(api.baseUrl());
        String attackersToken = attacker.csrfOf("/sign-in");

        PageClient.Answer refused = victim.post("/sign-out", Map.of("csrf", attackersToken));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(victim.get("/").status()).isEqualTo(200);

        assertThat(victim.post("/sign-out", Map.of("csrf", victim.csrfOf("/"))).location())
                .isEqualTo("/sign-in?signed-out");
        assertThat(victim.get("/").status()).isEqualTo(303);
    }

    @Test
    void a_session_id_without_the_sessions_key_is_not_signed_in(Api api) {
        Api.Login agency = api.newAccount("AGENCY_USER");
        PageClient browser = new PageClient(api.baseUrl());
        browser.signIn(agency.username(), agency.password(), () -> api.signInCode(agency.username()));
        assertThat(browser.get("/").status()).isEqualTo(200);

        browser.forget("__Host-lscb-key");
        PageClient.Answer refused = browser.get("/");
        assertThat(refused.status()).isEqualTo(303);
        assertThat(refused.location()).startsWith("/sign-in");
    }

    @Test
    void a_sign_in_posted_without_the_token_signs_nobody_in(Api api) {
        Api.Login agency = api.newAccount("AGENCY_USER");
        PageClient browser = new PageClient(api.baseUrl());
        browser.csrfOf("/sign-in");

        PageClient.Answer refused =
                browser.post("/sign-in", Map.of("username", agency.username(), "password", agency.password()));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(browser.get("/").location()).startsWith("/sign-in");
    }

    @Test
    void a_post_that_is_not_a_form_is_refused_before_any_page_runs(Api api) {
        Api.Login agency = api.newAccount("AGENCY_USER");
        PageClient browser = new PageClient(api.baseUrl());
        browser.signIn(agency.username(), agency.password(), () -> api.signInCode(agency.username()));

        PageClient.Answer refused = browser.postRaw("/sign-out", "application/json", "{\"csrf\":\"x\"}");
        assertThat(refused.status()).isEqualTo(415);
        assertThat(refused.body()).contains("There is a problem with what you sent");
        assertThat(browser.get("/").status()).isEqualTo(200);
    }

    @Test
    void an_api_token_is_given_only_to_a_post_with_the_sessions_own_token(Api api) {
        Api.Login agency = api.newAccount("AGENCY_USER");
        PageClient browser = new PageClient(api.baseUrl());
        browser.signIn(agency.username(), agency.password(), () -> api.signInCode(agency.username()));
        PageClient other = new PageClient(api.baseUrl());

        PageClient.Answer without = browser.post("/session/api-token", Map.of());
        PageClient.Answer withAnothers = browser.post("/session/api-token", Map.of("csrf", other.csrfOf("/sign-in")));
        PageClient.Answer given = browser.post("/session/api-token", Map.of("csrf", browser.csrfOf("/")));

        assertThat(without.status()).isEqualTo(403);
        assertThat(without.body()).doesNotContain("access_token");
        assertThat(withAnothers.status()).isEqualTo(403);
        assertThat(withAnothers.body()).doesNotContain("access_token");
        assertThat(given.status()).isEqualTo(200);
        jakarta.json.JsonObject issued = jakarta.json.Json.createReader(new java.io.StringReader(given.body()))
                .readObject();
        String token = issued.getString("access_token");
        // a browser's token lasts five minutes at most: signing out cannot take back one already given (E5)
        assertThat(issued.getInt("expires_in")).isBetween(1, 300);
        Api.Reply me = api.get("/api/v1/me", token);
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.body()).contains(agency.username());
    }
}
