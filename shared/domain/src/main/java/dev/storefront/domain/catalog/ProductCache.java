package dev.storefront.domain.catalog;

import java.util.Optional;

/**
 * A cache of active products in front of the {@link ProductRepository} (cache-aside). Implementations
 * must never fail: an unavailable cache behaves as a cache that misses and forgets.
 *
 * <p>{@link #evict} takes the version just written so that an implementation can refuse a late
 * {@link #put} of an older version by a reader that loaded the product before the write (the classic
 * cache-aside race that would otherwise serve a stale product until the entry expires).
 */
public interface ProductCache {

    /**
     * The cached product, or empty on a miss. On a miss an implementation may make concurrent callers for
     * the same id wait briefly for the first caller's {@link #put} (stampede protection).
     */
    Optional<Product> get(String productId);

    /** Caches an active product, unless the cache already knows a newer version of it. */
    void put(Product product);

    /** Forgets a product after version {@code writtenVersion} was stored; older versions are not cached again. */
    void evict(String productId, long writtenVersion);

    /**
     * Forgets a product if the cache holds a version older than {@code version} (a change seen after the
     * fact, e.g. on the table's stream); a copy of {@code version} or newer stays. Older versions are not
     * cached again.
     */
    default void evictOlderThan(String productId, long version) {
        evict(productId, version);
    }

    /** Whether the cache was warmed for {@code generation} ({@link CacheWarmer}) and has not been lost since. */
    default boolean isWarmFor(String generation) {
        return false;
    }

    /** Records that the cache was warmed for {@code generation}. */
    default void markWarm(String generation) {
        // A cache without a marker is warmed on every run.
    }

    /**
     * Caches products ahead of demand ({@link #put} each); false when the cache could not take them all (it is
     * unavailable), so the warming must be tried again.
     */
    default boolean warm(java.util.List<Product> products) {
        products.forEach(this::put);
        return true;
    }

    /** A cache that holds nothing (bulk loads, benchmarks). */
    static ProductCache none() {
        return new ProductCache() {
            @Override
            public Optional<Product> get(String productId) {
                return Optional.empty();
            }

            @Override
            public void put(Product product) {
                // Nothing is kept.
            }

            @Override
            public void evict(String productId, long writtenVersion) {
                // Nothing was kept.
            }
        };
    }
}
