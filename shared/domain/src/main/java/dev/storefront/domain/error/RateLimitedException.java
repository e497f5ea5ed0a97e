package dev.storefront.domain.error;

import java.time.Duration;

/** HTTP 429 — too many attempts; retry after the given time. */
public class RateLimitedException extends DomainException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public RateLimitedException(String message, Duration retryAfter) {
        super("rate-limited", message);
        this.retryAfter = retryAfter;
    }

    /** Whole seconds to wait, at least one. */
    public long retryAfterSeconds() {
        long seconds = retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }
}
