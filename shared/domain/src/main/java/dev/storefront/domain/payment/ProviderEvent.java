package dev.storefront.domain.payment;

import dev.storefront.domain.Money;
import java.util.Objects;

/**
 * An event the payment provider reports through the webhook.
 *
 * @param type e.g. {@code charge.succeeded} or {@code payment_intent.succeeded} (see
 *     {@link PaymentService#SUCCEEDED_EVENTS}); others are acknowledged and ignored
 * @param paymentId our payment id, from the charge's metadata
 * @param providerPaymentId the id {@link PaymentProvider.Charge#captured} names: with Stripe the PaymentIntent's,
 *     also in a charge event (its {@code payment_intent})
 */
public record ProviderEvent(String eventId, String type, String orderId, String paymentId, String providerPaymentId,
        Money amount) {

    public ProviderEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
    }
}
