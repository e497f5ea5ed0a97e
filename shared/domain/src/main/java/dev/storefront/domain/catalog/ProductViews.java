package dev.storefront.domain.catalog;

import java.util.List;

/**
 * How often shoppers open each product: the popularity signal that decides which products are put into the
 * cache before anyone asks ({@link CacheWarmer}). Implementations must never fail: an unavailable store
 * forgets views and knows no favourites.
 */
public interface ProductViews {

    /** Counts one view of a product's detail page. */
    void record(String productId);

    /** The most viewed product ids, most viewed first, at most {@code limit}. */
    List<String> mostViewed(int limit);

    /** Forgets every product but the {@code count} most viewed, so the counts stay small. */
    void keepTop(int count);

    /** Views that are not counted. */
    static ProductViews none() {
        return new ProductViews() {
            @Override
            public void record(String productId) {
                // Not counted.
            }

            @Override
            public List<String> mostViewed(int limit) {
                return List.of();
            }

            @Override
            public void keepTop(int count) {
                // Nothing is kept.
            }
        };
    }
}
