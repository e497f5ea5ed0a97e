package dev.storefront.domain.catalog;

import java.util.List;

/**
 * A durable copy of the most viewed product ids, so the cache can be warmed even when the cache itself (and
 * the view counts in it) was lost.
 */
public interface PopularProducts {

    void save(List<String> productIds);

    /** The last saved list; empty when none was saved. */
    List<String> load();
}
