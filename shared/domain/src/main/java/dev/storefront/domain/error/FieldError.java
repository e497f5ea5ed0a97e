package dev.storefront.domain.error;

/** One problem with one input field, e.g. {@code ("password", "must be at least 12 characters")}. */
public record FieldError(String field, String message) {
}
