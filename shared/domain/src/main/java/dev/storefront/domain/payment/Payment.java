package dev.storefront.domain.payment;

import dev.storefront.domain.Money;
import java.time.Instant;
import java.util.Objects;

/** A captured payment of one order. */
public record Payment(String paymentId, String orderId, String userId, PaymentStatus status, Money amount,
        Money refundedAmount, String provider, String providerPaymentId, Instant createdAt, Instant updatedAt) {

    public Payment {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(refundedAmount, "refundedAmount");
        if (refundedAmount.isNegative() || refundedAmount.amount() > amount.amount()) {
            throw new IllegalArgumentException("refunded amount out of range");
        }
    }
}
