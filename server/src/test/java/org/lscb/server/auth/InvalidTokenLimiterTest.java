package org.lscb.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class InvalidTokenLimiterTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);

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
    private final InvalidTokenLimiter limiter = new InvalidTokenLimiter(clock, MINUTE, 100);

    @Test
    void firstReportOfAnAddress_isWritten_withNothingHeldBack() {
        assertThat(limiter.admit("192.0.2.1")).isEqualTo(OptionalLong.of(0));
    }

    @Test
    void reportsWithinTheMinute_areHeldBack() {
        limiter.admit("192.0.2.1");
        clock.advance(Duration.ofSeconds(59));

        assertThat(limiter.admit("192.0.2.1")).isEmpty();
        assertThat(limiter.admit("192.0.2.1")).isEmpty();
    }

    @Test
    void theFirstReportAfterTheMinute_carriesTheCountHeldBack() {
        limiter.admit("192.0.2.1");
        for (int i = 0; i < 500; i++) {
            limiter.admit("192.0.2.1");
        }
        clock.advance(MINUTE);

        assertThat(limiter.admit("192.0.2.1")).isEqualTo(OptionalLong.of(500));
        assertThat(limiter.admit("192.0.2.1")).isEmpty();
    }

    @Test
    void addressesHaveTheirOwnWindows() {
        limiter.admit("192.0.2.1");

        assertThat(limiter.admit("192.0.2.2")).isEqualTo(OptionalLong.of(0));
        assertThat(limiter.admit("192.0.2.1")).isEmpty();
    }

    @Test
    void pastTheBoundNewAddressesShareOneWindow_untilOldWindowsClose() {
        InvalidTokenLimiter small = new InvalidTokenLimiter(clock, MINUTE, 2);
        small.admit("192.0.2.1");
        small.admit("192.0.2.2");

        // a spray of new addresses makes one report a minute between them
        assertThat(small.admit("192.0.2.3")).isEqualTo(OptionalLong.of(0));
        assertThat(small.admit("192.0.2.4")).isEmpty();
        assertThat(small.admit("192.0.2.5")).isEmpty();

        clock.advance(MINUTE);
        assertThat(small.admit("192.0.2.6")).isEqualTo(OptionalLong.of(0));
    }
}
