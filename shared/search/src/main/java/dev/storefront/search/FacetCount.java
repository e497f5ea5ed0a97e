package dev.storefront.search;

/** How many matches carry one value of a facet, e.g. {@code ("Books", 312)}. */
public record FacetCount(String value, long count) {
}
