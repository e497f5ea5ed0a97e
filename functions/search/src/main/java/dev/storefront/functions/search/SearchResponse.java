package dev.storefront.functions.search;

import dev.storefront.search.FacetCount;
import dev.storefront.search.PriceBandCount;
import dev.storefront.search.ProductSummary;
import dev.storefront.search.SearchResult;
import java.util.List;

/** The contract's answer to {@code GET /products}. */
record SearchResponse(List<Item> items, long total, Facets facets, String nextCursor) {

    /** The contract's {@code ProductSummary}. */
    record Item(String productId, String name, String category, String brand, Price price, boolean inStock,
            String image) {
    }

    /** Money: integer minor units and the currency. */
    record Price(long amount, String currency) {
    }

    record Facets(List<Value> category, List<Value> brand, List<Band> price) {
    }

    record Value(String value, long count) {
    }

    /** A price band {@code [from, to)} in minor units; the last band has no upper bound ({@code to} null). */
    record Band(long from, Long to, long count) {
    }

    static SearchResponse of(SearchResult result) {
        return new SearchResponse(result.items().stream().map(SearchResponse::item).toList(), result.total(),
                new Facets(values(result.facets().category()), values(result.facets().brand()),
                        result.facets().price().stream().map(SearchResponse::band).toList()),
                result.nextCursor());
    }

    private static Item item(ProductSummary summary) {
        return new Item(summary.productId(), summary.name(), summary.category(), summary.brand(),
                new Price(summary.price().amount(), summary.price().currency()), summary.inStock(), summary.image());
    }

    private static List<Value> values(List<FacetCount> counts) {
        return counts.stream().map(c -> new Value(c.value(), c.count())).toList();
    }

    private static Band band(PriceBandCount band) {
        return new Band(band.from(), band.to(), band.count());
    }
}
