package org.lscb.identity.account;

import java.time.Duration;

/**
 * How failed sign-ins are slowed and then locked: after {@code freeFailures} failures each answer is
 * held for {@code baseDelay} doubling up to {@code maxDelay}; {@code lockAfterFailures} failures
 * lock the name for {@code lockFor}. Failures older than {@code forgetAfter} are forgotten.
 */
public record LoginThrottlePolicy(
        int freeFailures,
        Duration baseDelay,
        Duration maxDelay,
        int lockAfterFailures,
        Duration lockFor,
        Duration forgetAfter) {

    public LoginThrottlePolicy {
        if (freeFailures < 0 || lockAfterFailures <= freeFailures) {
            throw new IllegalArgumentException("lockAfterFailures must exceed freeFailures");
        }
    }

    public static LoginThrottlePolicy standard() {
        return new LoginThrottlePolicy(
                3, Duration.ofMillis(250), Duration.ofSeconds(2), 10, Duration.ofMinutes(15), Duration.ofHours(1));
    }

    Duration delayAfter(int failures) {
        if (failures < freeFailures) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - freeFailures, 16);
        Duration delay = baseDelay.multipliedBy(1L << doublings);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}
