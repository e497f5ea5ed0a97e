package dev.storefront.domain.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Puts the most viewed products into the product cache before shoppers ask for them, after a deploy (a new
 * cache generation) or a cache restart (the warm marker is gone). Run on a schedule: each run also saves the
 * current favourites durably ({@link PopularProducts}) and trims the view counts.
 *
 * <p>The favourites come from the live view counts, or - when the cache was lost with its counts - from the
 * durable copy. Archived or deleted products are skipped; {@link ProductCache#put} never replaces a newer
 * version, so warming cannot race a catalog change into serving stale data.
 */
public final class CacheWarmer {

    /** Products warmed per run (the head of the popularity curve). */
    public static final int DEFAULT_WARM_COUNT = 100;
    /** View counts kept between runs. */
    public static final int KEEP_COUNTS = 10_000;

    private final ProductRepository products;
    private final ProductCache cache;
    private final ProductViews views;
    private final PopularProducts popular;
    private final int warmCount;

    public CacheWarmer(ProductRepository products, ProductCache cache, ProductViews views, PopularProducts popular,
            int warmCount) {
        this.products = Objects.requireNonNull(products, "products");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.views = Objects.requireNonNull(views, "views");
        this.popular = Objects.requireNonNull(popular, "popular");
        if (warmCount < 1) {
            throw new IllegalArgumentException("warmCount must be positive");
        }
        this.warmCount = warmCount;
    }

    /**
     * One scheduled run.
     *
     * @param generation what the cache must have been warmed for: the deployed version and cache layout;
     *     a different (or missing) marker means a deploy or a cache restart happened since the last warming
     */
    public Outcome run(String generation) {
        List<String> favourites = views.mostViewed(warmCount);
        if (!favourites.isEmpty()) {
            popular.save(favourites);
            views.keepTop(KEEP_COUNTS);
        }
        if (cache.isWarmFor(generation)) {
            return new Outcome(false, 0, favourites.size());
        }
        List<String> toWarm = favourites.isEmpty() ? popular.load() : favourites;
        List<Product> active = new ArrayList<>();
        for (String productId : toWarm) {
            products.findById(productId).filter(p -> !p.isArchived()).ifPresent(active::add);
        }
        if (!cache.warm(active)) {
            return new Outcome(false, 0, favourites.size()); // the cache is away: the next run tries again
        }
        cache.markWarm(generation);
        return new Outcome(true, active.size(), favourites.size());
    }

    /**
     * @param warmed whether this run warmed the cache
     * @param productsCached products put into the cache
     * @param favouritesKnown favourites the live view counts named
     */
    public record Outcome(boolean warmed, int productsCached, int favouritesKnown) {
    }
}
