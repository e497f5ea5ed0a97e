package dev.storefront.platform.http;

/** How a route treats the {@code Idempotency-Key} header. */
public enum Idempotency {
    /** The header is ignored (reads, and routes whose responses carry credentials). */
    IGNORED,
    /** Honoured when present. */
    HONOURED,
    /** Missing header is a 400. */
    REQUIRED
}
