package dev.storefront.functions.payment;

import dev.storefront.domain.payment.Refund;

/** The contract's {@code Refund}. */
record RefundResponse(String refundId, String paymentId, PaymentResponse.Price amount, String reason, String createdAt) {

    static RefundResponse of(Refund refund) {
        return new RefundResponse(refund.refundId(), refund.paymentId(), PaymentResponse.Price.of(refund.amount()),
                refund.reason(), refund.createdAt().toString());
    }
}
