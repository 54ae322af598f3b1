package org.lscb.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lscb.server.http.MalformedRequests.Refusal;

class MalformedRequestsTest {

    private static final int[] NO_HEADERS = {};

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/reviews/%zz", "/api/v1/reviews/%", "/api/v1/reviews/%4", "/a%g0", "/a%%41"})
    void malformedEscapeInPath_is400(String path) {
        assertThat(MalformedRequests.refusal(path, null, NO_HEADERS)).contains(MalformedRequests.BAD_ESCAPE);
    }

    @Test
    void malformedEscapeInQuery_is400() {
        assertThat(MalformedRequests.refusal("/api/v1/reviewers", "q=%zz", NO_HEADERS))
                .contains(MalformedRequests.BAD_ESCAPE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/reviews/a%00b", "/a%0a", "/a%0D", "/a%7f", "/a%5Cb", "/a\\b"})
    void controlCharactersAndBackslashesInPath_are400(String path) {
        assertThat(MalformedRequests.refusal(path, null, NO_HEADERS)).contains(MalformedRequests.CONTROL_CHARACTER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/a%ff", "/a%c3%28", "/a%ed%a0%80", "/a\u00ff"})
    void pathThatIsNotUtf8_is400(String path) {
        assertThat(MalformedRequests.refusal(path, null, NO_HEADERS)).contains(MalformedRequests.BAD_UTF8);
    }

    @Test
    void queryThatIsNotUtf8_is400() {
        assertThat(MalformedRequests.refusal("/a", "q=%ff", NO_HEADERS)).contains(MalformedRequests.BAD_UTF8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/../etc/passwd", "/api/../../x", "/a/%2e%2e/%2E%2E/b", "/.."})
    void pathAboveTheRoot_is400(String path) {
        assertThat(MalformedRequests.refusal(path, null, NO_HEADERS)).contains(MalformedRequests.ABOVE_ROOT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://evil.example/api/v1/me", "api/v1/me", ""})
    void targetThatIsNotAPath_is400(String path) {
        assertThat(MalformedRequests.refusal(path, null, NO_HEADERS)).contains(MalformedRequests.NOT_A_PATH);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/v1/reviews/3f2a0c1e-0000-4000-8000-000000000000",
                "/api/v1/reviews/a%20b",
                "/a/%2Fb",
                "/api/v1/../v1/me",
                "/a/./b",
                "/caf%C3%A9",
                "/caf\u00c3\u00a9",
                "/",
                "*",
                "/a;jsessionid=1"
            })
    void wellFormedPaths_pass(String path) {
        assertThat(MalformedRequests.refusal(path, null, NO_HEADERS)).isEmpty();
    }

    @Test
    void queryWithControlCharactersAndPlus_passes() {
        // the application checks field values; only the URI syntax is judged here
        assertThat(MalformedRequests.refusal("/api/v1/reviewers", "q=a+b%0A%00&size=10", NO_HEADERS))
                .isEmpty();
    }

    @Test
    void requestUriOverTheLimit_is414_andAtTheLimitPasses() {
        String path = "/api/v1/reviewers";
        String fits = "q=" + "a".repeat(MalformedRequests.MAX_TARGET_BYTES - path.length() - 1 - 2);

        assertThat(MalformedRequests.refusal(path, fits, NO_HEADERS)).isEmpty();
        Optional<Refusal> over = MalformedRequests.refusal(path, fits + "a", NO_HEADERS);
        assertThat(over).contains(MalformedRequests.TARGET_TOO_LONG);
        assertThat(over.get().status()).isEqualTo(414);
    }

    @Test
    void oneHeaderFieldOverTheLimit_is431() {
        Optional<Refusal> r =
                MalformedRequests.refusal("/api/v1/me", null, new int[] {10, MalformedRequests.MAX_FIELD_BYTES + 1});

        assertThat(r).contains(MalformedRequests.HEADERS_TOO_LARGE);
        assertThat(r.get().status()).isEqualTo(431);
    }

    @Test
    void headerFieldsTogetherOverTheLimit_are431_andAtTheLimitPass() {
        int half = MalformedRequests.MAX_HEADER_BYTES / 2;

        assertThat(MalformedRequests.refusal("/a", null, new int[] {half, half}))
                .isEmpty();
        assertThat(MalformedRequests.refusal("/a", null, new int[] {half, half, 1}))
                .contains(MalformedRequests.HEADERS_TOO_LARGE);
    }

    @Test
    void sizesAreJudgedBeforeSyntax() {
        // a huge malformed URI is too long first: nothing of it is decoded
        assertThat(MalformedRequests.refusal("/%zz" + "a".repeat(MalformedRequests.MAX_TARGET_BYTES), null, NO_HEADERS))
                .contains(MalformedRequests.TARGET_TOO_LONG);
    }
}
