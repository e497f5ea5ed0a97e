package dev.storefront.search;

import java.util.Arrays;
import java.util.Optional;

/** The orders {@code GET /products} offers; every one ends with the product id, so the order is total. */
public enum SearchSort {
    RELEVANCE("relevance"),
    PRICE_ASC("price_asc"),
    PRICE_DESC("price_desc"),
    NEWEST("newest");

    private final String parameter;

    SearchSort(String parameter) {
        this.parameter = parameter;
    }

    /** The value of the {@code sort} query parameter. */
    public String parameter() {
        return parameter;
    }

    public static Optional<SearchSort> fromParameter(String value) {
        return Arrays.stream(values()).filter(s -> s.parameter.equals(value)).findFirst();
    }
}
