package dev.storefront.domain.payment;

import dev.storefront.domain.Money;
import java.time.Instant;
import java.util.Objects;

/**
 * A refund of (part of) a captured payment.
 *
 * @param reason the admin's note, or null
 */
public record Refund(String refundId, String paymentId, Money amount, String reason, Instant createdAt) {

    public Refund {
        Objects.requireNonNull(refundId, "refundId");
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(createdAt, "createdAt");
        if (amount.amount() <= 0) {
            throw new IllegalArgumentException("a refund is positive");
        }
    }
}
