package org.lscb.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lscb.server.it.browser.PageClient;

/**
 * The browser's security-code page is held to the same sign-in throttle as the API (docs/security.md W2,
 * "Sign-in and tokens"): wrong codes count as failed sign-ins of that name from that client, and enough of
 * them lock the name there, for the pages and the API alike.
 */
@ExtendWith(SharedServer.class)
class PageSignInThrottleIT {

    @Test
    void wrong_codes_on_the_code_page_lock_the_name_for_the_pages_and_the_api(Api api) {
        Api.Login officer = api.newAccount("LSCB_OFFICER");
        PageClient browser = new PageClient(api.baseUrl());
        Map<String, String> password = new LinkedHashMap<>();
        password.put("csrf", browser.csrfOf("/sign-in"));
        password.put("username", officer.username());
        password.put("password", officer.password());
        assertThat(browser.post("/sign-in", password).location()).isEqualTo("/sign-in/code");

        String csrf = browser.csrfOf("/sign-in/code");
        for (int i = 0; i < 10; i++) {
            PageClient.Answer wrong = browser.post("/sign-in/code", Map.of("csrf", csrf, "code", "00000" + (i % 10)));
            assertThat(wrong.status()).as("wrong code " + i).isIn(400, 429);
        }

        PageClient.Answer locked =
                browser.post("/sign-in/code", Map.of("csrf", csrf, "code", api.unusedCode(officer.username())));
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.body()).contains("Too many attempts");
        assertThat(browser.get("/").location()).startsWith("/sign-in");

        Api.Reply viaApi = api.signIn(officer.username(), officer.password(), api.unusedCode(officer.username()));
        assertThat(viaApi.status()).isEqualTo(429);
        assertThat(viaApi.error()).isEqualTo("too_many_attempts");
    }
}
