package dev.storefront.domain.catalog;

/** Lifecycle of a product: archived products are hidden from shoppers but kept for orders that name them. */
public enum ProductStatus {
    ACTIVE,
    ARCHIVED
}
