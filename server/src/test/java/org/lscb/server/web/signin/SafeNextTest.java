package org.lscb.server.web.signin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** After signing in, the browser goes back only to a page of this service (no open redirect). */
class SafeNextTest {

    @ParameterizedTest
    @ValueSource(strings = {"/reviews/abc", "/?clock=OVERDUE", "/reviewers?q=neglect&review=1"})
    void a_path_of_this_service_is_kept(String next) {
        assertThat(SignInPages.safeNext(next)).isEqualTo(next);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://evil.example/",
                "//evil.example/",
                "/\\evil.example",
                "javascript:alert(1)",
                "reviews/abc",
                "/sign-in?next=/x",
                "/sign-out",
                "/a\r\nSet-Cookie: x=y",
                "/a b",
                "/reviewers?q=\"x\"",
                "/reviews/%zz",
                "/<script>",
                ""
            })
    void anything_else_goes_to_the_dashboard(String next) {
        assertThat(SignInPages.safeNext(next)).isEqualTo("/");
    }
}
