package dev.storefront.functions.payment;

import dev.storefront.domain.Money;
import dev.storefront.domain.payment.Payment;

/** The contract's {@code Payment}. */
record PaymentResponse(String paymentId, String orderId, String status, Price amount, Price refundedAmount,
        String provider, String createdAt) {

    /** Money: integer minor units and the currency. */
    record Price(long amount, String currency) {
        static Price of(Money money) {
            return new Price(money.amount(), money.currency());
        }
    }

    static PaymentResponse of(Payment payment) {
        return new PaymentResponse(payment.paymentId(), payment.orderId(), payment.status().name(),
                Price.of(payment.amount()), Price.of(payment.refundedAmount()), payment.provider(),
                payment.createdAt().toString());
    }
}
