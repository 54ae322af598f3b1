package org.lscb.identity.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final LoginThrottlePolicy policy = LoginThrottlePolicy.standard();
    private final Instant t0 = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void firstFailures_areAnsweredAtOnce_thenSlowedDoublingToTheCap() {
        LoginThrottle throttle = new LoginThrottle("someone");
        Duration[] delays = new Duration[9];
        for (int i = 0; i < 9; i++) {
            delays[i] = throttle.delayBeforeAnswer(policy);
            throttle.recordFailure(t0.plusSeconds(i), policy);
        }

        assertThat(delays[0]).isZero();
        assertThat(delays[2]).isZero();
        assertThat(delays[3]).isEqualTo(Duration.ofMillis(250));
        assertThat(delays[4]).isEqualTo(Duration.ofMillis(500));
        assertThat(delays[5]).isEqualTo(Duration.ofSeconds(1));
        assertThat(delays[6]).isEqualTo(Duration.ofSeconds(2));
        assertThat(delays[8]).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void tenthFailure_locksForFifteenMinutes() {
        LoginThrottle throttle = new LoginThrottle("someone");
        for (int i = 0; i < 9; i++) {
            throttle.recordFailure(t0, policy);
        }
        assertThat(throttle.lockedAt(t0)).isEmpty();

        throttle.recordFailure(t0, policy);

        assertThat(throttle.lockedAt(t0.plusSeconds(1))).contains(t0.plus(Duration.ofMinutes(15)));
        assertThat(throttle.lockedAt(t0.plus(Duration.ofMinutes(15)))).isEmpty();
    }

    @Test
    void success_clearsFailures() {
        LoginThrottle throttle = new LoginThrottle("someone");
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure(t0, policy);
        }

        throttle.recordSuccess();

        assertThat(throttle.failures()).isZero();
        assertThat(throttle.delayBeforeAnswer(policy)).isZero();
    }

    @Test
    void failuresOlderThanAnHour_areForgotten() {
        LoginThrottle throttle = new LoginThrottle("someone");
        for (int i = 0; i < 9; i++) {
            throttle.recordFailure(t0, policy);
        }

        throttle.recordFailure(t0.plus(Duration.ofMinutes(61)), policy);

        assertThat(throttle.failures()).isEqualTo(1);
        assertThat(throttle.lockedAt(t0.plus(Duration.ofMinutes(61)))).isEmpty();
    }
}
