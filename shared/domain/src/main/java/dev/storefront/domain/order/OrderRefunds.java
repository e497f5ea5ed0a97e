package dev.storefront.domain.order;

/** Refunds what is left of an order's payment (cancelling a paid order). Implemented by the payment service. */
@FunctionalInterface
public interface OrderRefunds {

    /**
     * Refunds all that is left of the payment; nothing when nothing is left.
     *
     * @throws RuntimeException when the refund could not be recorded or the provider did not confirm it
     */
    void refundRemaining(String paymentId, String reason);

    /** For services built without payments: a paid order cannot be cancelled then. */
    static OrderRefunds none() {
        return (paymentId, reason) -> {
            throw new IllegalStateException("no payment service to refund " + paymentId);
        };
    }
}
