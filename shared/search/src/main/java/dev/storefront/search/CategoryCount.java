package dev.storefront.search;

/** One row of {@code GET /categories}: an active category and how many active products it holds. */
public record CategoryCount(String category, long count) {
}
