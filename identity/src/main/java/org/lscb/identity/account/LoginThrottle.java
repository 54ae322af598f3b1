package org.lscb.identity.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * Failed sign-ins for one login name from one client address, whether or not an account has that name,
 * so that a locked name tells nothing about whether it exists. Counting per name and address together
 * means that someone guessing from one address slows and locks only themselves, never the account's
 * owner signing in from elsewhere.
 */
@Entity
@Table(name = "sign_in_throttle")
public class LoginThrottle {

    /** Longest client address kept in a key (an IPv6 address with a zone fits). */
    static final int MAX_ADDRESS = 100;

    @Id
    @Column(name = "throttle_key", length = 200)
    private String loginName;

    @Column(name = "failures", nullable = false)
    private int failures;

    @Column(name = "last_failure_at")
    private Instant lastFailureAt;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    protected LoginThrottle() {}

    public LoginThrottle(String key) {
        this.loginName = key;
    }

    /** The key of the counts for a login name typed from a client address. */
    public static String keyFor(String loginName, String clientAddress) {
        String address = clientAddress == null || clientAddress.isBlank() ? "unknown" : clientAddress.strip();
        if (address.length() > MAX_ADDRESS) {
            address = address.substring(0, MAX_ADDRESS);
        }
        return loginName + " " + address;
    }

    public String loginName() {
        return loginName;
    }

    public int failures() {
        return failures;
    }

    /** When a sign-in is refused without checking the password; empty when one may be tried. */
    public java.util.Optional<Instant> lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil)
                ? java.util.Optional.of(lockedUntil)
                : java.util.Optional.empty();
    }

    /** How long to hold the answer to the next attempt: nothing for the first few, then doubling. */
    public Duration delayBeforeAnswer(LoginThrottlePolicy policy) {
        return policy.delayAfter(failures);
    }

    public void recordFailure(Instant now, LoginThrottlePolicy policy) {
        if (lastFailureAt != null && Duration.between(lastFailureAt, now).compareTo(policy.forgetAfter()) > 0) {
            failures = 0;
        }
        failures++;
        lastFailureAt = now;
        if (failures >= policy.lockAfterFailures()) {
            lockedUntil = now.plus(policy.lockFor());
            failures = 0;
        }
    }

    public void recordSuccess() {
        failures = 0;
        lastFailureAt = null;
        lockedUntil = null;
    }
}
