package dev.storefront.domain.catalog;

import java.util.Optional;

/**
 * A short-lived cache of rendered search answers. Keys name everything the answer depends on (the query and
 * the catalog state it was computed from), so entries never need invalidating; they only expire.
 * Implementations must never fail: an unavailable cache misses and forgets.
 */
public interface SearchResultCache {

    Optional<String> get(String key);

    void put(String key, String renderedAnswer);

    /** A cache that never holds anything (caching switched off). */
    static SearchResultCache none() {
        return new SearchResultCache() {
            @Override
            public Optional<String> get(String key) {
                return Optional.empty();
            }

            @Override
            public void put(String key, String renderedAnswer) {
                // Nothing is kept.
            }
        };
    }
}
