package org.lscb.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lscb.server.it.browser.PageClient;

/**
 * A browser's sign-in ends on the server (docs/security.md W3, {@code BrowserSignIns}): cookies kept from before
 * signing out are refused, and resetting an account's second factor signs out every browser signed in to it.
 */
@ExtendWith(SharedServer.class)
class BrowserSignOutIT {

    @Test
    void cookiesKeptFromBeforeSigningOut_areRefused(Api api) {
        Api.Login officer = api.newAccount("LSCB_OFFICER");
        PageClient browser = new PageClient(api.baseUrl());
        browser.signIn(officer.username(), officer.password(), () -> api.signInCode(officer.username()));
        String token = browser.csrfOf("/");
        PageClient kept = browser.at(api.baseUrl()); // someone who copied the cookies

        assertThat(browser.post("/sign-out", Map.of("csrf", token)).location()).isEqualTo("/sign-in?signed-out");

        PageClient.Answer page = kept.get("/");
        assertThat(page.status()).isEqualTo(303);
        assertThat(page.location()).startsWith("/sign-in");
        assertThat(kept.post("/sign-out", Map.of("csrf", token)).status()).isEqualTo(403);
    }

    @Test
    void resettingASecondFactor_signsOutEveryBrowserOfThatAccount_andNoOtherAccounts(Api api) {
        Api.Login officer = api.newAccount("LSCB_OFFICER");
        Api.Login colleague = api.newAccount("LSCB_OFFICER", officer.organisationId());
        PageClient office = new PageClient(api.baseUrl());
        office.signIn(officer.username(), officer.password(), () -> api.signInCode(officer.username()));
        PageClient home = new PageClient(api.baseUrl());
        home.signIn(officer.username(), officer.password(), () -> api.signInCode(officer.username()));
        PageClient other = new PageClient(api.baseUrl());
        other.signIn(colleague.username(), colleague.password(), () -> api.signInCode(colleague.username()));
        String token = office.csrfOf("/");
        assertThat(home.get("/").status()).isEqualTo(200);

        Api.Reply reset =
                api.send("DELETE", "/api/v1/accounts/" + officer.id() + "/totp", api.adminToken(), null, null);
        assertThat(reset.status()).isEqualTo(204);

        assertThat(office.post("/sign-out", Map.of("csrf", token)).status()).isEqualTo(403);
        for (PageClient browser : new PageClient[] {office, home}) {
            PageClient.Answer page = browser.get("/");
            assertThat(page.status()).isEqualTo(303);
            assertThat(page.location()).startsWith("/sign-in");
        }
        assertThat(other.get("/").status()).isEqualTo(200);
    }
}
