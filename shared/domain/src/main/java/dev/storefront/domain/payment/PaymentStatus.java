package dev.storefront.domain.payment;

/** A captured payment and what has been refunded of it. */
public enum PaymentStatus {
    CAPTURED, PARTIALLY_REFUNDED, REFUNDED
}
