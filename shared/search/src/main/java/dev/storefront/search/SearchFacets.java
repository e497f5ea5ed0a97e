package dev.storefront.search;

import java.util.List;

/**
 * Facet counts of one search, computed over the query and every filter of the request (a facet does not
 * drop its own filter: with {@code brand=Acme} the brand facet shows only Acme). So each facet that
 * covers every product, category and price, sums to {@link SearchResult#total()}.
 *
 * @param category every category among the matches, most frequent first, ties by name
 * @param brand the {@value ProductIndex#TOP_BRANDS} most frequent brands, ties by name
 * @param price the fixed price bands of {@link ProductIndex#PRICE_BANDS}, cheapest first, empty bands included
 */
public record SearchFacets(List<FacetCount> category, List<FacetCount> brand, List<PriceBandCount> price) {

    public SearchFacets {
        category = List.copyOf(category);
        brand = List.copyOf(brand);
        price = List.copyOf(price);
    }
}
