package dev.storefront.domain.payment;

import dev.storefront.domain.Money;
import java.util.Objects;

/**
 * An event the payment provider reports through the webhook.
 *
 * @param type e.g. {@code charge.succeeded}; others are acknowledged and ignored
 * @param paymentId our payment id, from the charge's metadata
 */
public record ProviderEvent(String eventId, String type, String orderId, String paymentId, String providerPaymentId,
        Money amount) {

    public ProviderEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
    }
}
