package org.lscb.server.web.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * Idle timeout, code patience, id renewal and sign-in records of browser sessions, on a clock the test moves; the
 * sign-in records are kept in memory here (their table is {@code BrowserSignInRepository}'s, tested in identity).
 */
class BrowserSessionsTest {

    private final MovingClock clock = new MovingClock(Instant.parse("2026-01-06T09:00:00Z"));
    private final SignInsInMemory signIns = new SignInsInMemory();
    private final BrowserSessions sessions = new BrowserSessions(Duration.ofMinutes(30), clock, signIns);

    @Test
    void a_session_used_within_the_idle_timeout_stays_signed_in() {
        FakeRequest browser = new FakeRequest();
        sessions.signIn(browser.request(), browser.response(), "acc-1");
        clock.advance(Duration.ofMinutes(29));
        assertThat(sessions.existing(browser.request()).flatMap(BrowserSession::accountId))
                .contains("acc-1");
        sessions.current(browser.request());
        clock.advance(Duration.ofMinutes(29));
        assertThat(sessions.existing(browser.request()).flatMap(BrowserSession::accountId))
                .contains("acc-1");
    }

    @Test
    void a_session_idle_for_longer_than_the_timeout_is_over_and_ended_on_the_server() {
        FakeRequest browser = new FakeRequest();
        sessions.signIn(browser.request(), browser.response(), "acc-1");
        FakeSession old = browser.session;
        clock.advance(Duration.ofMinutes(31));
        assertThat(sessions.existing(browser.request())).isEmpty();
        assertThat(old.invalidated).isTrue();
    }

    @Test
    void signing_in_replaces_the_session_id_and_the_csrf_token() {
        FakeRequest browser = new FakeRequest();
        BrowserSession before = sessions.current(browser.request());
        String tokenBefore = before.csrfToken();
        FakeSession oldSession = browser.session;
        BrowserSession after = sessions.signIn(browser.request(), browser.response(), "acc-1");
        assertThat(oldSession.invalidated).isTrue();
        assertThat(browser.session).isNotSameAs(oldSession);
        assertThat(after.csrfToken()).isNotNull().isNotEqualTo(tokenBefore);
        assertThat(browser.session.getMaxInactiveInterval()).isEqualTo(30 * 60);
    }

    @Test
    void a_signed_in_session_is_trusted_only_with_its_key_beside_its_id() {
        FakeRequest browser = new FakeRequest();
        BrowserSession s = sessions.signIn(browser.request(), browser.response(), "acc-1");
        String key = s.keyCookie()
                .substring(
                        (BrowserSession.KEY_COOKIE + "=").length(),
                        s.keyCookie().indexOf(';'));
        assertThat(key).hasSize(43);
        assertThat(s.keyCookie()).endsWith("; Path=/; Secure; HttpOnly; SameSite=Strict");

        assertThat(sessions.signedIn(browser.request())).isEmpty();
        browser.cookies = new jakarta.servlet.http.Cookie[] {
            new jakarta.servlet.http.Cookie(BrowserSession.KEY_COOKIE, key.substring(1) + "x")
        };
        assertThat(sessions.signedIn(browser.request())).isEmpty();
        browser.cookies =
                new jakarta.servlet.http.Cookie[] {new jakarta.servlet.http.Cookie(BrowserSession.KEY_COOKIE, key)};
        assertThat(sessions.signedIn(browser.request()).flatMap(BrowserSession::accountId))
                .contains("acc-1");
    }

    @Test
    void a_session_that_is_not_signed_in_is_not_signed_in_whatever_key_it_shows() {
        FakeRequest browser = new FakeRequest();
        sessions.current(browser.request());
        browser.cookies =
                new jakarta.servlet.http.Cookie[] {new jakarta.servlet.http.Cookie(BrowserSession.KEY_COOKIE, "")};
        assertThat(sessions.signedIn(browser.request())).isEmpty();
    }

    @Test
    void the_code_page_waits_five_minutes_for_the_code_and_no_longer() {
        FakeRequest browser = new FakeRequest();
        BrowserSession s = sessions.awaitCode(browser.request(), "acc-1");
        assertThat(s.accountId()).isEmpty();
        clock.advance(Duration.ofMinutes(5));
        assertThat(sessions.awaitingCode(s)).contains("acc-1");
        clock.advance(Duration.ofSeconds(1));
        assertThat(sessions.awaitingCode(s)).isEmpty();
    }

    @Test
    void signing_out_ends_the_session_on_the_server() {
        FakeRequest browser = new FakeRequest();
        sessions.signIn(browser.request(), browser.response(), "acc-1");
        FakeSession s = browser.session;
        sessions.signOut(browser.request(), browser.response());
        assertThat(s.invalidated).isTrue();
        assertThat(browser.setCookies)
                .last()
                .asString()
                .startsWith(BrowserSession.KEY_COOKIE + "=;")
                .contains("Max-Age=0");
        assertThat(sessions.existing(browser.request())).isEmpty();
        assertThat(signIns.live).isEmpty();
        assertThat(signIns.ended).hasSize(1);
    }

    @Test
    void a_session_whose_sign_in_was_ended_elsewhere_is_signed_out_and_ended_here() {
        FakeRequest browser = new FakeRequest();
        BrowserSession s = sessions.signIn(browser.request(), browser.response(), "acc-1");
        browser.cookies = new jakarta.servlet.http.Cookie[] {
            new jakarta.servlet.http.Cookie(BrowserSession.KEY_COOKIE, s.key().orElseThrow())
        };
        assertThat(sessions.signedIn(browser.request())).isPresent();
        FakeSession copy = browser.session;
        String oldToken = s.csrfToken();

        signIns.end(s.signInId().orElseThrow()); // signed out through another server
        int endsBefore = signIns.ends;
        assertThat(sessions.signedIn(browser.request())).isEmpty();
        assertThat(copy.invalidated).isTrue();
        assertThat(signIns.ends).as("an ended record is not written again").isEqualTo(endsBefore);
        BrowserSession fresh = sessions.current(browser.request());
        assertThat(fresh.accountId()).isEmpty();
        assertThat(fresh.csrfToken()).isNotEqualTo(oldToken);
    }

    /** docs/security.md W3: should the database refuse, the browser stays signed in rather than half signed out. */
    @Test
    void when_the_sign_in_record_cannot_be_ended_signing_out_fails_and_the_session_stays() {
        FakeRequest browser = new FakeRequest();
        BrowserSession s = sessions.signIn(browser.request(), browser.response(), "acc-1");
        browser.cookies = new jakarta.servlet.http.Cookie[] {
            new jakarta.servlet.http.Cookie(BrowserSession.KEY_COOKIE, s.key().orElseThrow())
        };
        signIns.refuseEnds = true;

        assertThatThrownBy(() -> sessions.signOut(browser.request(), browser.response()))
                .isInstanceOf(IllegalStateException.class);

        assertThat(browser.session.invalidated).isFalse();
        assertThat(sessions.signedIn(browser.request())).isPresent();
        assertThat(signIns.live).containsExactly(s.signInId().orElseThrow());
    }

    @Test
    void a_signed_in_session_without_a_sign_in_record_is_not_signed_in() {
        FakeRequest browser = new FakeRequest();
        sessions.signIn(browser.request(), browser.response(), "acc-1");
        browser.session.attributes.remove(BrowserSession.SIGN_IN);
        assertThat(sessions.existing(browser.request())).isEmpty();
    }

    @Test
    void one_request_reads_its_sign_in_record_once() {
        FakeRequest browser = new FakeRequest();
        sessions.signIn(browser.request(), browser.response(), "acc-1");
        var request = browser.request();
        int before = signIns.reads;
        sessions.existing(request);
        sessions.existing(request);
        sessions.current(request);
        assertThat(signIns.reads - before).isEqualTo(1);
        sessions.existing(browser.request());
        assertThat(signIns.reads - before).isEqualTo(2);
    }

    /** Sign-in records in memory, counting the reads of whether one is live. */
    static final class SignInsInMemory extends BrowserSignIns {
        final java.util.Set<String> live = new java.util.HashSet<>();
        final java.util.Set<String> ended = new java.util.HashSet<>();
        int reads;
        /** Calls to {@link #end}: each is a write transaction in the real records. */
        int ends;
        /** Whether {@link #end} fails, as the database does when it is out of reach. */
        boolean refuseEnds;

        @Override
        public String start(String accountId) {
            String id = SessionTokens.fresh();
            live.add(id);
            return id;
        }

        @Override
        public boolean isLive(String id) {
            reads++;
            return live.contains(id);
        }

        @Override
        public void end(String id) {
            ends++;
            if (refuseEnds) {
                throw new IllegalStateException("the database is out of reach");
            }
            if (live.remove(id)) {
                ended.add(id);
            }
        }
    }

    static final class MovingClock extends Clock {
        private Instant now;

        MovingClock(Instant start) {
            now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
