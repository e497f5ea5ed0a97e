package dev.storefront.search;

/**
 * How many matches cost between {@code from} (inclusive) and {@code to} (exclusive), in minor units.
 *
 * @param to {@code null} for the open-ended top band
 */
public record PriceBandCount(long from, Long to, long count) {
}
