package dev.storefront.domain.payment;

import dev.storefront.domain.IdGenerator;
import dev.storefront.domain.Money;
import dev.storefront.domain.error.ConflictException;
import dev.storefront.domain.error.FieldError;
import dev.storefront.domain.error.NotFoundException;
import dev.storefront.domain.error.ValidationException;
import dev.storefront.domain.order.Order;
import dev.storefront.domain.order.OrderRepository;
import dev.storefront.domain.order.OrderStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Paying orders: the order's total is captured at most once, whatever is retried, raced or replayed.
 *
 * <ol>
 *   <li>The order must be the caller's, unpaid and unexpired.</li>
 *   <li>The attempt claims the order's payment slot (conditional write); a live claim of another attempt is
 *       a 409. A claim whose lease lapsed is resumed under its payment id.</li>
 *   <li>The provider captures with the idempotency key {@code pay-<paymentId>}.</li>
 *   <li>A decline frees the slot (the order stays payable) and answers 402 with the decline code.</li>
 *   <li>A capture is recorded with the order's move to {@code PAID} in one transaction, conditional on the
 *       order being unpaid and unexpired; if it was cancelled or expired meanwhile the charge is refunded in full
 *       at once, so an order is never both paid and expired.</li>
 * </ol>
 */
public final class PaymentService {

    /** How long a claim protects an attempt: longer than any invocation (the function times out at 10 s). */
    public static final Duration LEASE = Duration.ofSeconds(30);
    /** How long handled provider events are remembered (providers retry for up to three days). */
    public static final Duration EVENT_MEMORY = Duration.ofDays(30);
    /** Characters of a refund's reason at most. */
    public static final int MAX_REASON = 500;
    /** Event types that report a captured charge: the simulated provider's and Stripe's two. */
    public static final Set<String> SUCCEEDED_EVENTS = Set.of("charge.succeeded", "payment_intent.succeeded");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_]{1,255}");

    private final OrderRepository orders;
    private final PaymentRepository payments;
    private final PaymentProvider provider;
    private final IdGenerator ids;
    private final Clock clock;

    public PaymentService(OrderRepository orders, PaymentRepository payments, PaymentProvider provider, IdGenerator ids,
            Clock clock) {
        this.orders = Objects.requireNonNull(orders, "orders");
        this.payments = Objects.requireNonNull(payments, "payments");
        this.provider = Objects.requireNonNull(provider, "provider");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Captures the order's total.
     *
     * @throws NotFoundException unknown order, or another shopper's
     * @throws ConflictException {@code order-not-payable} (paid, cancelled, expired) or {@code payment-in-progress}
     * @throws PaymentDeclinedException the provider declined; the order stays payable
     */
    public Payment pay(String userId, String orderId, String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            throw new ValidationException("validation", "The payment method is not valid.",
                    List.of(new FieldError("paymentMethod.token", "must be a payment token such as tok_visa")));
        }
        Order order = orders.find(orderId == null ? "" : orderId).filter(o -> o.userId().equals(userId))
                .orElseThrow(() -> new NotFoundException("order-not-found", "No such order."));
        Instant now = clock.instant();
        OrderStatus status = order.statusAt(now);
        if (status != OrderStatus.PENDING_PAYMENT) {
            throw notPayable(status);
        }
        Optional<PaymentRepository.PaymentSlot> slot = payments.slot(orderId);
        String paymentId = ids.next();
        if (slot.isPresent()) {
            switch (slot.get().state()) {
                case PAID -> throw notPayable(OrderStatus.PAID);
                case PAYING -> {
                    if (slot.get().leaseUntil().isAfter(now)) {
                        throw inProgress();
                    }
                    paymentId = slot.get().paymentId(); // resume: same id, same provider key, no second charge
                }
                default -> {
                    // DECLINED or VOIDED: a new attempt with a new id.
                }
            }
        }
        try {
            payments.claim(orderId, paymentId, now.plus(LEASE), slot.orElse(null));
        } catch (PaymentRepository.SlotTakenException e) {
            throw inProgress();
        }
        PaymentProvider.Charge charge = provider.capture("pay-" + paymentId, order.total(), token, orderId, paymentId);
        if (!charge.isCaptured()) {
            payments.release(orderId, paymentId);
            throw new PaymentDeclinedException(charge.declineCode());
        }
        Instant captured = clock.instant();
        Payment payment = new Payment(paymentId, orderId, userId, PaymentStatus.CAPTURED, order.total(),
                Money.zero(order.total().currency()), provider.name(), charge.providerPaymentId(), captured, captured);
        try {
            payments.recordCapture(payment, order, captured);
            return payment;
        } catch (PaymentRepository.OrderNotPayableException e) {
            provider.refund("void-" + paymentId, charge.providerPaymentId(), order.total());
            payments.recordRefundedAtOnce(new Payment(paymentId, orderId, userId, PaymentStatus.REFUNDED,
                    order.total(), order.total(), provider.name(), charge.providerPaymentId(), captured,
                    clock.instant()));
            OrderStatus now2 = orders.find(orderId).map(o -> o.statusAt(clock.instant())).orElse(OrderStatus.EXPIRED);
            throw new ConflictException("order-not-payable", "The order became " + now2
                    + " while it was being paid; the charge was refunded in full.");
        }
    }

    /**
     * Refunds part or all of what is left of a captured payment (admin). The refund is recorded first - the
     * payment's refunded amount moves on condition that nobody else moved it - and only then asked of the
     * provider with its own idempotency key ({@code refund-<refundId>}), so concurrent refunds can never add up
     * to more than was captured.
     *
     * @param requested the amount, or null for all that is left
     * @throws NotFoundException unknown payment
     * @throws ValidationException amount not positive, in another currency, or above what is left
     * @throws PaymentProvider.ProviderUnavailableException the refund is recorded but the provider did not
     *     confirm it (retried by repeating the call with the same idempotency key at the provider)
     */
    public Refund refund(String paymentId, Money requested, String reason) {
        if (reason != null && reason.length() > MAX_REASON) {
            throw invalidRefund("reason", "must be at most " + MAX_REASON + " characters");
        }
        for (int attempt = 1; ; attempt++) {
            Payment payment = payments.find(paymentId == null ? "" : paymentId)
                    .orElseThrow(() -> new NotFoundException("payment-not-found", "No such payment."));
            Money left = payment.amount().minus(payment.refundedAmount());
            Money amount = requested == null ? left : requested;
            if (!amount.currency().equals(payment.amount().currency())) {
                throw invalidRefund("amount.currency", "must be " + payment.amount().currency());
            }
            if (left.amount() == 0) {
                throw invalidRefund("amount", "nothing is left to refund: the payment is refunded in full");
            }
            if (amount.amount() <= 0) {
                throw invalidRefund("amount.amount", "must be more than 0");
            }
            if (amount.amount() > left.amount()) {
                throw invalidRefund("amount.amount", "must be at most " + left.amount() + ", what is left to refund");
            }
            Instant now = clock.instant();
            Refund refund = new Refund(ids.next(), paymentId, amount, reason, now);
            Money refunded = payment.refundedAmount().plus(amount);
            Payment after = new Payment(payment.paymentId(), payment.orderId(), payment.userId(),
                    refunded.equals(payment.amount()) ? PaymentStatus.REFUNDED : PaymentStatus.PARTIALLY_REFUNDED,
                    payment.amount(), refunded, payment.provider(), payment.providerPaymentId(), payment.createdAt(), now);
            try {
                payments.recordRefund(payment, after, refund);
            } catch (PaymentRepository.PaymentChangedException e) {
                if (attempt >= 5) {
                    throw new ConflictException("payment-busy", "Other refunds of this payment are being recorded; retry.");
                }
                continue;
            }
            provider.refund("refund-" + refund.refundId(), payment.providerPaymentId(), amount);
            return refund;
        }
    }

    /**
     * Handles a verified provider event. A succeeded charge ({@link #SUCCEEDED_EVENTS}) completes a payment whose
     * attempt charged the card but never recorded it (its instance died): the capture is recorded with the order's
     * move to {@code PAID}, or refunded at once if the order can no longer be paid. Stripe reports one payment
     * twice - {@code payment_intent.succeeded} and {@code charge.succeeded}, both naming the PaymentIntent, our
     * provider payment id - and whichever comes first records it; the other finds the slot paid and is ignored.
     * Everything else - other types, unknown orders, payments recorded or declined already, amounts that do not
     * match the order - is acknowledged and ignored, so replayed, late or out-of-order events never corrupt state.
     * An event is remembered only once handled, so a delivery that failed is handled when the provider retries it.
     *
     * @return what happened: {@code duplicate}, {@code ignored}, {@code captured} or {@code refunded}
     */
    public String handle(ProviderEvent event) {
        if (payments.eventSeen(event.eventId())) {
            return "duplicate";
        }
        String outcome = apply(event);
        payments.rememberEvent(event.eventId(), clock.instant().plus(EVENT_MEMORY));
        return outcome;
    }

    private String apply(ProviderEvent event) {
        if (!SUCCEEDED_EVENTS.contains(event.type()) || event.orderId() == null || event.paymentId() == null
                || event.providerPaymentId() == null || event.amount() == null) {
            return "ignored";
        }
        Optional<PaymentRepository.PaymentSlot> slot = payments.slot(event.orderId());
        if (slot.isEmpty() || !slot.get().paymentId().equals(event.paymentId())
                || slot.get().state() != PaymentRepository.SlotState.PAYING) {
            return "ignored";
        }
        Optional<Order> order = orders.find(event.orderId());
        if (order.isEmpty() || !order.get().total().equals(event.amount())) {
            return "ignored";
        }
        Instant now = clock.instant();
        Payment payment = new Payment(event.paymentId(), event.orderId(), order.get().userId(), PaymentStatus.CAPTURED,
                event.amount(), Money.zero(event.amount().currency()), provider.name(), event.providerPaymentId(), now,
                now);
        try {
            payments.recordCapture(payment, order.get(), now);
            return "captured";
        } catch (PaymentRepository.OrderNotPayableException e) {
            provider.refund("void-" + payment.paymentId(), payment.providerPaymentId(), payment.amount());
            payments.recordRefundedAtOnce(new Payment(payment.paymentId(), payment.orderId(), payment.userId(),
                    PaymentStatus.REFUNDED, payment.amount(), payment.amount(), payment.provider(),
                    payment.providerPaymentId(), now, clock.instant()));
            return "refunded";
        }
    }

    /** Refunds all that is left of a payment, if anything is ({@link dev.storefront.domain.order.OrderRefunds}). */
    public void refundRemaining(String paymentId, String reason) {
        Payment payment = payments.find(paymentId)
                .orElseThrow(() -> new IllegalStateException("the order names an unknown payment " + paymentId));
        if (payment.refundedAmount().amount() < payment.amount().amount()) {
            refund(paymentId, null, reason);
        }
    }

    /** @throws NotFoundException unknown payment, or another shopper's */
    public Payment get(String userId, String paymentId) {
        return payments.find(paymentId == null ? "" : paymentId).filter(p -> p.userId().equals(userId))
                .orElseThrow(() -> new NotFoundException("payment-not-found", "No such payment."));
    }

    private static ValidationException invalidRefund(String field, String message) {
        return new ValidationException("validation", "The refund is not valid.", List.of(new FieldError(field, message)));
    }

    private static ConflictException notPayable(OrderStatus status) {
        return new ConflictException("order-not-payable", "The order is " + status + " and cannot be paid.");
    }

    private static ConflictException inProgress() {
        return new ConflictException("payment-in-progress",
                "Another payment of this order is in progress; retry with the same Idempotency-Key to see its result.");
    }
}
