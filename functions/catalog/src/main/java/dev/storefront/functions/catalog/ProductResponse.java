package dev.storefront.functions.catalog;

import dev.storefront.domain.catalog.Product;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The contract's {@code Product}. */
record ProductResponse(String productId, String sku, String name, String description, String category, String brand,
        Price price, Stock stock, int weightGrams, List<String> images, Map<String, String> attributes, String status,
        String createdAt, String updatedAt, long version) {

    /** Money: integer minor units and the currency. */
    record Price(long amount, String currency) {
    }

    /** Units available for sale. */
    record Stock(int available) {
    }

    static ProductResponse of(Product product) {
        return new ProductResponse(product.productId(), product.sku(), product.name(), product.description(),
                product.category(), product.brand(), new Price(product.price().amount(), product.price().currency()),
                new Stock(product.available()), product.weightGrams(), product.images(),
                // Sorted, so that the same product always serializes to the same bytes.
                new TreeMap<>(product.attributes()), product.status().name(), product.createdAt().toString(),
                product.updatedAt().toString(), product.version());
    }
}
