package dev.storefront.domain.payment;

import dev.storefront.domain.Money;

/**
 * A card processor. Every call carries an idempotency key derived from our own ids, so a call repeated after a
 * timeout or a crash returns the first outcome instead of charging or refunding again.
 */
public interface PaymentProvider {

    /** Short name stored with each payment, e.g. {@code simulated} or {@code stripe}. */
    String name();

    /**
     * Charges {@code amount} to the payment method {@code token} and captures it at once.
     *
     * @param orderId the order paid, recorded with the charge at the provider
     * @param paymentId our payment id, recorded with the charge at the provider so that its webhook events name
     *     the attempt (a capture whose attempt died before recording it is completed from them)
     * @throws ProviderUnavailableException the outcome is unknown (timeout, 5xx); retrying with the same key is safe
     */
    Charge capture(String idempotencyKey, Money amount, String token, String orderId, String paymentId);

    /**
     * Refunds {@code amount} of a captured charge.
     *
     * @throws ProviderUnavailableException the outcome is unknown; retrying with the same key is safe
     */
    String refund(String idempotencyKey, String providerPaymentId, Money amount);

    /** The outcome of a charge: captured (with the provider's id) or declined (with its decline code). */
    record Charge(String providerPaymentId, String declineCode) {

        public static Charge captured(String providerPaymentId) {
            return new Charge(providerPaymentId, null);
        }

        public static Charge declined(String declineCode) {
            return new Charge(null, declineCode);
        }

        public boolean isCaptured() {
            return providerPaymentId != null;
        }
    }

    /** The provider could not be reached or answered with a server error: the outcome is unknown. */
    final class ProviderUnavailableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public ProviderUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
