package org.lscb.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

    private static final String KEYS = "{\"keys\":[{\"kid\":\"one\"}]}";

    /** A clock the test moves by hand. */
    private static final class HandClock extends Clock {
        private Instant now = Instant.parse("2030-01-01T00:00:00Z");

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

    private final HandClock clock = new HandClock();
    private final VerifiedTokens<String> tokens = new VerifiedTokens<>(clock, Duration.ofMinutes(5), 3);

    private Instant in(Duration d) {
        return clock.instant().plus(d);
    }

    @Test
    void aTokenVerifiedOnceIsAnsweredWhileItLives() {
        tokens.remember("a.b.c", "alice", in(Duration.ofMinutes(2)), KEYS);

        assertThat(tokens.find("a.b.c", KEYS)).contains("alice");
        assertThat(tokens.find("a.b.d", KEYS)).isEmpty();
    }

    @Test
    void anExpiredTokenIsRefusedThoughItWasKept() {
        tokens.remember("a.b.c", "alice", in(Duration.ofMinutes(2)), KEYS);
        clock.advance(Duration.ofMinutes(2).minusMillis(1));
        assertThat(tokens.find("a.b.c", KEYS)).contains("alice");

        clock.advance(Duration.ofMillis(1));

        assertThat(tokens.find("a.b.c", KEYS)).isEmpty();
        assertThat(tokens.size()).isZero();
    }

    @Test
    void aLongLivedTokenIsVerifiedAgainAfterTheMaximumAge() {
        tokens.remember("a.b.c", "alice", in(Duration.ofHours(1)), KEYS);
        clock.advance(Duration.ofMinutes(5));

        assertThat(tokens.find("a.b.c", KEYS)).isEmpty();
    }

    @Test
    void aTokenAlreadyExpiredIsNotKept() {
        tokens.remember("a.b.c", "alice", clock.instant(), KEYS);

        assertThat(tokens.find("a.b.c", KEYS)).isEmpty();
        assertThat(tokens.size()).isZero();
    }

    @Test
    void anyChangeToTheTrustedKeysForgetsEveryToken() {
        tokens.remember("a.b.c", "alice", in(Duration.ofMinutes(2)), KEYS);
        tokens.remember("d.e.f", "bob", in(Duration.ofMinutes(2)), KEYS);

        // a key removed (or added): the tokens it signed must be verified again, and refused if it is gone
        assertThat(tokens.find("a.b.c", "{\"keys\":[{\"kid\":\"two\"}]}")).isEmpty();
        assertThat(tokens.size()).isZero();
        assertThat(tokens.find("d.e.f", KEYS)).isEmpty();
    }

    @Test
    void anAnswerKeptUnderOtherKeysIsNotGiven() {
        tokens.remember("a.b.c", "alice", in(Duration.ofMinutes(2)), "{\"keys\":[]}");

        assertThat(tokens.find("a.b.c", KEYS)).isEmpty();
    }

    @Test
    void theNumberOfTokensKeptIsBoundedAndTheLeastRecentlyUsedGoesFirst() {
        tokens.remember("t1", "one", in(Duration.ofMinutes(2)), KEYS);
        tokens.remember("t2", "two", in(Duration.ofMinutes(2)), KEYS);
        tokens.remember("t3", "three", in(Duration.ofMinutes(2)), KEYS);
        assertThat(tokens.find("t1", KEYS)).contains("one");

        tokens.remember("t4", "four", in(Duration.ofMinutes(2)), KEYS);

        assertThat(tokens.size()).isEqualTo(3);
        assertThat(tokens.find("t2", KEYS)).isEmpty();
        assertThat(tokens.find("t1", KEYS)).contains("one");
        assertThat(tokens.find("t3", KEYS)).contains("three");
        assertThat(tokens.find("t4", KEYS)).contains("four");
    }
}
