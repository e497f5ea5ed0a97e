package dev.storefront.domain.catalog;

import dev.storefront.domain.Money;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A catalog product as stored in DynamoDB, the source of truth.
 *
 * @param version incremented by every change; the optimistic-locking token of {@code If-Match}
 */
public record Product(
        String productId,
        String sku,
        String name,
        String description,
        String category,
        String brand,
        Money price,
        int available,
        int weightGrams,
        List<String> images,
        Map<String, String> attributes,
        ProductStatus status,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public Product {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        images = images == null ? List.of() : List.copyOf(images);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /** A new, active product at version 1. */
    public static Product create(String productId, ProductDraft draft, Instant now) {
        return new Product(productId, draft.sku(), draft.name(), draft.description(), draft.category(),
                draft.brand(), draft.price(), draft.available(), draft.weightGrams(), draft.images(),
                draft.attributes(), ProductStatus.ACTIVE, now, now, 1);
    }

    public boolean inStock() {
        return available > 0;
    }

    public boolean isArchived() {
        return status == ProductStatus.ARCHIVED;
    }
}
