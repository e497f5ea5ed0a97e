package dev.storefront.domain.catalog;

import dev.storefront.domain.Money;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an admin (or the demo-data generator) supplies to create or replace a product. Checked by
 * {@link ProductRules} before it is stored.
 *
 * @param price in the store currency, integer minor units
 * @param available units that can be sold now
 */
public record ProductDraft(
        String sku,
        String name,
        String description,
        String category,
        String brand,
        Money price,
        int available,
        int weightGrams,
        List<String> images,
        Map<String, String> attributes) {

    public ProductDraft {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(price, "price");
        images = images == null ? List.of() : List.copyOf(images);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
