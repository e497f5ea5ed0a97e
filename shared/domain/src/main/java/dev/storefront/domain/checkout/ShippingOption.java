package dev.storefront.domain.checkout;

import dev.storefront.domain.Money;
import java.util.Objects;

/**
 * One way to ship an order and its price, as offered in a quote and by {@code GET /shipping/rates}.
 *
 * @param amount in the store currency; zero when shipping is free
 * @param estimatedDays business days from dispatch to delivery, at most
 */
public record ShippingOption(ShippingMethod method, String carrier, Money amount, int estimatedDays) {

    public ShippingOption {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(carrier, "carrier");
        Objects.requireNonNull(amount, "amount");
    }
}
