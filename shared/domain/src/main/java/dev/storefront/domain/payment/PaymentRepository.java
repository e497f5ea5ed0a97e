package dev.storefront.domain.payment;

import dev.storefront.domain.order.Order;
import java.time.Instant;
import java.util.Optional;

/**
 * Storage of payments, and of each order's payment slot: the one attempt allowed to charge the order at a time.
 * The slot is what makes "charged at most once per order" hold across retries, races and crashes: an attempt
 * claims it (conditionally), and an attempt whose lease lapsed (its instance died after calling the provider)
 * is resumed under the same payment id, hence the same provider idempotency key, so the provider answers with
 * the first charge instead of making a second one.
 */
public interface PaymentRepository {

    Optional<PaymentSlot> slot(String orderId);

    /**
     * Claims the order's slot for {@code paymentId} until {@code leaseUntil}, on condition that the slot is
     * still as read ({@code expected}, or absent when null).
     *
     * @throws SlotTakenException another attempt changed the slot first
     */
    void claim(String orderId, String paymentId, Instant leaseUntil, PaymentSlot expected);

    /** Frees the slot after a declined charge, so the order can be paid again. */
    void release(String orderId, String paymentId);

    /**
     * In one transaction: stores the captured payment, marks the slot paid, and moves the order from
     * {@code PENDING_PAYMENT} to {@code PAID} (with the payment's summary) on condition that it is still unpaid
     * and its reservation has not expired at {@code now}.
     *
     * @throws OrderNotPayableException the order was cancelled or expired meanwhile (nothing written)
     */
    void recordCapture(Payment payment, Order order, Instant now);

    /** Stores a payment that was refunded in full at once because its order could no longer be paid. */
    void recordRefundedAtOnce(Payment payment);

    Optional<Payment> find(String paymentId);

    /**
     * Records a refund before the provider is asked for it, in one transaction: the payment moves from
     * {@code before} to {@code after} (refunded amount and status) on condition that its refunded amount is
     * still {@code before}'s, the refund is stored, and the order's payment summary follows. Refunds can thus
     * never add up to more than was captured, however many run at once.
     *
     * @throws PaymentChangedException another refund changed the payment first (nothing written)
     */
    void recordRefund(Payment before, Payment after, Refund refund);

    /** Another write changed the payment since it was read. */
    final class PaymentChangedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public PaymentChangedException() {
            super("the payment changed concurrently", null, false, false);
        }
    }

    /** Whether the provider event was handled already. */
    boolean eventSeen(String eventId);

    /** Remembers a handled provider event until {@code keepUntil} (replays within that time are ignored). */
    void rememberEvent(String eventId, Instant keepUntil);

    /** The order's payment slot. */
    record PaymentSlot(String orderId, String paymentId, SlotState state, Instant leaseUntil, long version) {
    }

    /** What the slot's attempt is doing. */
    enum SlotState {
        /** An attempt is charging (until its lease lapses). */
        PAYING,
        /** The order is paid by the slot's payment. */
        PAID,
        /** The last attempt was declined: the order may be paid again. */
        DECLINED,
        /** The charge was refunded at once because the order could no longer be paid. */
        VOIDED
    }

    /** The slot changed since it was read. */
    final class SlotTakenException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public SlotTakenException() {
            super("the payment slot changed concurrently", null, false, false);
        }
    }

    /** The order is no longer unpaid and unexpired. */
    final class OrderNotPayableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public OrderNotPayableException() {
            super("the order can no longer be paid", null, false, false);
        }
    }
}
