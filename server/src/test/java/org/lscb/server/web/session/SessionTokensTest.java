package org.lscb.server.web.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The CSRF token: fresh per session, compared whole, and the form field read as a browser sends it. */
class SessionTokensTest {

    @Test
    void tokens_are_long_random_and_only_the_same_token_matches() {
        String a = SessionTokens.fresh();
        String b = SessionTokens.fresh();
        assertThat(a).hasSize(43).isNotEqualTo(b);
        assertThat(SessionTokens.matches(a, a)).isTrue();
        assertThat(SessionTokens.matches(a, b)).isFalse();
        assertThat(SessionTokens.matches(a, a.substring(1))).isFalse();
        assertThat(SessionTokens.matches(a, null)).isFalse();
        assertThat(SessionTokens.matches(null, a)).isFalse();
        assertThat(SessionTokens.matches(null, null)).isFalse();
    }

    @Test
    void the_token_field_is_read_from_a_url_encoded_form() {
        assertThat(CsrfFilter.field("a=1&csrf=x%2By&b=2", "csrf")).contains("x+y");
        assertThat(CsrfFilter.field("csrf=&a=1", "csrf")).contains("");
        assertThat(CsrfFilter.field("a=1", "csrf")).isEmpty();
        assertThat(CsrfFilter.field("csrf=%zz", "csrf")).contains("");
        assertThat(CsrfFilter.field("csrfx=1&xcsrf=2", "csrf")).isEmpty();
    }
}
