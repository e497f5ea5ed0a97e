package dev.storefront.domain.account;

import java.time.Duration;

/**
 * Counts failed logins per account identifier and says when further attempts must wait.
 *
 * <p>Implementations must never fail a login because their backing store is unavailable: an outage
 * degrades to "not locked" (Argon2id's cost still bounds guessing speed).
 */
public interface LoginThrottle {

    /** Failures allowed in one window before attempts are refused. */
    int MAX_FAILURES = 5;

    /** Length of the failure-counting window, started by the first failure. */
    Duration WINDOW = Duration.ofMinutes(15);

    /**
     * How long attempts for this identifier are refused, or {@link Duration#ZERO} when allowed.
     *
     * @param identifier the normalized (lower-cased) email; implementations must not store it in clear
     */
    Duration lockedFor(String identifier);

    /** Records one failed attempt for the identifier. */
    void recordFailure(String identifier);

    /** Forgets the failures of the identifier, after a successful login. */
    void reset(String identifier);
}
