package dev.storefront.functions.search;

import dev.storefront.search.CategoryCount;
import java.util.List;

/** The contract's answer to {@code GET /categories}. */
record CategoriesResponse(List<Item> items) {

    record Item(String category, long count) {
    }

    static CategoriesResponse of(List<CategoryCount> categories) {
        return new CategoriesResponse(categories.stream().map(c -> new Item(c.category(), c.count())).toList());
    }
}
