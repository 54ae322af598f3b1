package org.lscb.server.web.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The CSRF token: fresh per session, compared whole, and the form field read as a browser sends it. */
class CsrfTokensTest {

    @Test
    void tokens_are_long_random_and_only_the_same_token_matches() {
        String a = CsrfTokens.fresh();
        String b = CsrfTokens.fresh();
        assertThat(a).hasSize(43).isNotEqualTo(b);
        assertThat(CsrfTokens.matches(a, a)).isTrue();
        assertThat(CsrfTokens.matches(a, b)).isFalse();
        assertThat(CsrfTokens.matches(a, a.substring(1))).isFalse();
        assertThat(CsrfTokens.matches(a, null)).isFalse();
        assertThat(CsrfTokens.matches(null, a)).isFalse();
        assertThat(CsrfTokens.matches(null, null)).isFalse();
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
