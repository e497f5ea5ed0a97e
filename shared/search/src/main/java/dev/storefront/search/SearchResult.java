package dev.storefront.search;

import java.util.List;

/**
 * One page of {@code GET /products}.
 *
 * @param total exact number of products matching the query and filters, over all pages
 * @param nextCursor opaque cursor of the next page, or {@code null} on the last page
 */
public record SearchResult(List<ProductSummary> items, long total, SearchFacets facets, String nextCursor) {

    public SearchResult {
        items = List.copyOf(items);
    }
}
