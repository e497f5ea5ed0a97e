package dev.storefront.search;

import dev.storefront.domain.Money;
import java.util.Objects;

/**
 * One search hit, as {@code GET /products} lists it: what a result tile shows, read from the index's
 * stored fields alone.
 *
 * @param image the product's first image URL, or {@code null} when it has none
 */
public record ProductSummary(String productId, String name, String category, String brand, Money price,
        boolean inStock, String image) {

    public ProductSummary {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(price, "price");
    }
}
