package dev.storefront.domain.checkout;

import java.util.Optional;

/** How fast an order travels; the wire names are those of the API contract. */
public enum ShippingMethod {

    STANDARD("standard"),
    EXPRESS("express");

    private final String wireName;

    ShippingMethod(String wireName) {
        this.wireName = wireName;
    }

    /** The name in requests and responses, e.g. {@code standard}. */
    public String wireName() {
        return wireName;
    }

    /** The method named exactly (lower case) by {@code wireName}; empty for anything else, null included. */
    public static Optional<ShippingMethod> fromWireName(String wireName) {
        for (ShippingMethod method : values()) {
            if (method.wireName.equals(wireName)) {
                return Optional.of(method);
            }
        }
        return Optional.empty();
    }
}
