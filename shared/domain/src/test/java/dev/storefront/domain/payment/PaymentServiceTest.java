package dev.storefront.domain.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.storefront.domain.IdGenerator;
import dev.storefront.domain.Money;
import dev.storefront.domain.checkout.ShippingAddress;
import dev.storefront.domain.checkout.ShippingMethod;
import dev.storefront.domain.error.ConflictException;
import dev.storefront.domain.error.FieldError;
import dev.storefront.domain.error.NotFoundException;
import dev.storefront.domain.error.ValidationException;
import dev.storefront.domain.order.Order;
import dev.storefront.domain.order.OrderLine;
import dev.storefront.domain.order.OrderRepository;
import dev.storefront.domain.order.OrderStatus;
import dev.storefront.domain.payment.PaymentRepository.PaymentSlot;
import dev.storefront.domain.payment.PaymentRepository.SlotState;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PaymentServiceTest {

    private static final String USER = "user-1";
    private static final String OTHER_USER = "user-2";
    private static final String ORDER = "order-1";
    /** Not on a whole second, so the adapter's comparison in epoch seconds shows. */
    private static final Instant START = Instant.parse("2026-11-22T10:00:00.750Z");
    private static final Duration RESERVATION = Duration.ofMinutes(15);
    private static final Money TOTAL = Money.of(2 * 1999 + 599 + 320, "USD");

    private final MutableClock clock = new MutableClock(START);
    private final InMemoryPayments store = new InMemoryPayments();
    private final RecordingProvider provider = new RecordingProvider();
    private final PaymentService service = new PaymentService(store.orders(), store, provider,
            new IdGenerator(clock, new SecureRandom()), clock);

    @Test
    void pay_shouldCaptureTheTotalOnce_andMoveTheOrderToPaidWithItsPaymentSummary() {
        // given
        store.put(unpaidOrder(ORDER, USER));

        // when
        Payment payment = service.pay(USER, ORDER, "tok_visa");

        // then
        assertThat(payment.status()).isEqualTo(PaymentStatus.CAPTURED);
        assertThat(payment.orderId()).isEqualTo(ORDER);
        assertThat(payment.userId()).isEqualTo(USER);
        assertThat(payment.amount()).isEqualTo(TOTAL);
        assertThat(payment.refundedAmount()).isEqualTo(Money.zero("USD"));
        assertThat(payment.provider()).isEqualTo("fake");
        assertThat(provider.captures).containsExactly(
                new Capture("pay-" + payment.paymentId(), TOTAL, "tok_visa", ORDER, payment.paymentId()));
        assertThat(provider.refunds).isEmpty();
        Order order = store.order(ORDER);
        assertThat(order.status()).isEqualTo(OrderStatus.PAID);
        assertThat(order.payment()).isEqualTo(new Order.PaymentSummary(payment.paymentId(), "CAPTURED", TOTAL,
                Money.zero("USD")));
        assertThat(store.find(payment.paymentId())).contains(payment);
        assertThat(store.slot(ORDER)).hasValueSatisfying(slot -> assertThat(slot.state()).isEqualTo(SlotState.PAID));
        assertThat(service.get(USER, payment.paymentId())).isEqualTo(payment);
    }

    @Test
    void pay_shouldAnswerDeclined_andLeaveTheOrderPayable_whenTheCardIsDeclined() {
        // given
        store.put(unpaidOrder(ORDER, USER));

        // when
        PaymentDeclinedException declined = catchThrowableOfType(
                () -> service.pay(USER, ORDER, "tok_chargeDeclinedInsufficientFunds"), PaymentDeclinedException.class);

        // then
        assertThat(declined).isNotNull();
        assertThat(declined.type()).isEqualTo("payment-declined");
        assertThat(declined.declineCode()).isEqualTo("insufficient_funds");
        assertThat(store.order(ORDER).status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
        assertThat(store.order(ORDER).payment()).isNull();
        assertThat(store.slot(ORDER)).hasValueSatisfying(slot -> assertThat(slot.state()).isEqualTo(SlotState.DECLINED));
        assertThat(store.payments).isEmpty();
        String declinedKey = provider.captures.get(0).idempotencyKey();

        // when: paid again with a good card, at once (no lease to wait for)
        Payment payment = service.pay(USER, ORDER, "tok_visa");

        // then: a new payment id, hence a new provider key
        assertThat(payment.status()).isEqualTo(PaymentStatus.CAPTURED);
        assertThat(provider.captures).hasSize(2);
        assertThat(provider.captures.get(1).idempotencyKey()).isEqualTo("pay-" + payment.paymentId())
                .isNotEqualTo(declinedKey);
        assertThat(store.order(ORDER).status()).isEqualTo(OrderStatus.PAID);
    }

    @Test
    void pay_shouldAnswerDeclinedWithCardDeclined_forTheDeclinedTestCard() {
        store.put(unpaidOrder(ORDER, USER));

        assertThatThrownBy(() -> service.pay(USER, ORDER, "tok_chargeDeclined"))
                .isInstanceOfSatisfying(PaymentDeclinedException.class,
                        e -> assertThat(e.declineCode()).isEqualTo("card_declined"));
        assertThat(store.order(ORDER).status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
    }

    @Test
    void pay_shouldReject_whenTheOrderIsPaidAlready() {
        // given
        store.put(unpaidOrder(ORDER, USER));
        service.pay(USER, ORDER, "tok_visa");

        // when / then
        assertConflict(() -> service.pay(USER, ORDER, "tok_visa"), "order-not-payable");
        assertThat(provider.captures).hasSize(1);
    }

    @Test
    void pay_shouldReject_whenTheSlotIsPaid_evenIfTheOrderStillReadsUnpaid() {
        // given: an order read before the capture was recorded (a stale read is simulated by the slot alone)
        store.put(unpaidOrder(ORDER, USER));
        store.slots.put(ORDER, new PaymentSlot(ORDER, "pay-earlier", SlotState.PAID, START, 3));

        // when / then
        assertConflict(() -> service.pay(USER, ORDER, "tok_visa"), "order-not-payable");
        assertThat(provider.captures).isEmpty();
    }

    @Test
    void pay_shouldAnswerInProgress_whileAnotherAttemptHoldsALiveClaim() {
        // given: an attempt claimed the slot and died after charging, 29 s ago
        store.put(unpaidOrder(ORDER, USER));
        provider.dieAfterCharging = true;
        assertThatThrownBy(() -> service.pay(USER, ORDER, "tok_visa")).isInstanceOf(InstanceDied.class);
        clock.advance(PaymentService.LEASE.minusSeconds(1));

        // when / then
        assertConflict(() -> service.pay(USER, ORDER, "tok_visa"), "payment-in-progress");
        assertThat(provider.captures).hasSize(1);
        assertThat(store.order(ORDER).status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
    }

    @Test
    void pay_shouldAnswerInProgress_whenAnotherAttemptClaimsTheSlotBetweenReadAndClaim() {
        // given
        store.put(unpaidOrder(ORDER, USER));
        store.beforeNextClaim = () -> store.slots.put(ORDER,
                new PaymentSlot(ORDER, "pay-rival", SlotState.PAYING, START.plus(PaymentService.LEASE), 1));

        // when / then
        assertConflict(() -> service.pay(USER, ORDER, "tok_visa"), "payment-in-progress");
        assertThat(provider.captures).isEmpty();
        assertThat(store.slot(ORDER).orElseThrow().paymentId()).isEqualTo("pay-rival");
    }

    @Test
    void pay_shouldResumeUnderTheSamePaymentId_whenTheClaimsLeaseLapsed_soTheProviderChargesOnce() {
        // given: an attempt claimed, charged and died before recording
        store.put(unpaidOrder(ORDER, USER));
        provider.dieAfterCharging = true;
        assertThatThrownBy(() -> service.pay(USER, ORDER, "tok_visa")).isInstanceOf(InstanceDied.class);
        String firstKey = provider.captures.get(0).idempotencyKey();
        provider.dieAfterCharging = false;
        clock.advance(PaymentService.LEASE.plusSeconds(1));

        // when
        Payment payment = service.pay(USER, ORDER, "tok_visa");

        // then: the same id and key, one charge at the provider
        assertThat("pay-" + payment.paymentId()).isEqualTo(firstKey);
        assertThat(provider.captures).extracting(Capture::idempotencyKey).containsExactly(firstKey, firstKey);
        assertThat(provider.charges).hasSize(1);
        assertThat(payment.providerPaymentId()).isEqualTo(provider.charges.get(firstKey));
        assertThat(store.order(ORDER).status()).isEqualTo(OrderStatus.PAID);
        assertThat(store.order(ORDER).payment().paymentId()).isEqualTo(payment.paymentId());
    }

    @Test
    void webhook_shouldRecordACaptureItsAttemptNeverRecorded_once() {
        // given: an attempt charged and died before recording
        store.put(unpaidOrder(ORDER, USER));
        provider.dieAfterCharging = true;
        assertThatThrownBy(() -> service.pay(USER, ORDER, "tok_visa")).isInstanceOf(InstanceDied.class);
        String key = provider.captures.get(0).idempotencyKey();
        String paymentId = key.substring("pay-".length());
        ProviderEvent succeeded = new ProviderEvent("evt_1", "charge.succeeded", ORDER, paymentId,
                provider.charges.get(key), TOTAL);

        // when: the provider reports the charge, twice
        String first = service.handle(succeeded);
        String again = service.handle(succeeded);

        // then
        assertThat(first).isEqualTo("captured");
        assertThat(again).isEqualTo("duplicate");
        assertThat(store.order(ORDER).status()).isEqualTo(OrderStatus.PAID);
        assertThat(store.order(ORDER).payment().paymentId()).isEqualTo(paymentId);
        assertThat(provider.charges).hasSize(1);
    }

    @Test
    void webhook_shouldRecordACaptureItsAttemptNeverRecorded_fromStripesPaymentIntentSucceeded() {
        // given: an attempt charged (Stripe: a PaymentIntent) and died before recording
        store.put(unpaidOrder(ORDER, USER));
        provider.dieAfterCharging = true;
        assertThatThrownBy(() -> service.pay(USER, ORDER, "tok_visa")).isInstanceOf(InstanceDied.class);
        Capture attempt = provider.captures.get(0);
        String paymentIntent = provider.charges.get(attempt.idempotencyKey());

        // when: Stripe reports the PaymentIntent with the metadata the capture sent
        String outcome = service.handle(new ProviderEvent("evt_pi", "payment_intent.succeeded", attempt.orderId(),
                attempt.paymentId(), paymentIntent, TOTAL));

        // then: recorded under the PaymentIntent's id, the id refunds go to
        assertThat(outcome).isEqualTo("captured");
        assertThat(store.order(ORDER).status()).isEqualTo(OrderStatus.PAID);
        Payment payment = store.find(attempt.paymentId()).orElseThrow();
        assertThat(payment.status()).isEqualTo(PaymentStatus.CAPTURED);
        assertThat(payment.providerPaymentId()).isEqualTo(paymentIntent);
        assertThat(provider.refunds).isEmpty();
    }

    @Test
    void webhook_shouldRecordOnce_whenStripeReportsBothThePaymentIntentAndItsCharge() {
        // given: an attempt that died after charging
        store.put(unpaidOrder(ORDER, USER));
        provider.dieAfterCharging = true;
        assertThatThrownBy(() -> service.pay(USER, ORDER, "tok_visa")).isInstanceOf(InstanceDied.class);
        Capture attempt = provider.captures.get(0);
        String paymentIntent = provider.charges.get(attempt.idempotencyKey());

        // when: both events of one payment arrive, the charge's first (they are not ordered)
        String charge = service.handle(new ProviderEvent("evt_ch", "charge.succeeded", attempt.orderId(),
                attempt.paymentId(), paymentIntent, TOTAL));
        String intent = service.handle(new ProviderEvent("evt_pi", "payment_intent.succeeded", attempt.orderId(),
                attempt.paymentId(), paymentIntent, TOTAL));

        // then: one capture, no refund
        assertThat(charge).isEqualTo("captured");
        assertThat(intent).isEqualTo("ignored");
        assertThat(store.payments).hasSize(1);
        assertThat(store.order(ORDER).payment().paymentId()).isEqualTo(attempt.paymentId());
        assertThat(provider.refunds).isEmpty();
    }

    @Test
    void webhook_shouldIgnoreStripesOtherEvents_andPaymentIntentsWithoutOurMetadata() {
        // given: an attempt that died after charging
        store.put(unpaidOrder(ORDER, USER));
        provider.dieAfterCharging = true;
        assertThatThrownBy(() -> service.pay(USER, ORDER, "tok_visa")).isInstanceOf(InstanceDied.class);
        Capture attempt = provider.captures.get(0);
        String paymentIntent = provider.charges.get(attempt.idempotencyKey());

        // when / then: a failed attempt, a refund, and a PaymentIntent made outside the storefront
        assertThat(service.handle(new ProviderEvent("evt_f", "payment_intent.payment_failed", attempt.orderId(),
                attempt.paymentId(), paymentIntent, TOTAL))).isEqualTo("ignored");
        assertThat(service.handle(new ProviderEvent("evt_r", "charge.refunded", attempt.orderId(),
                attempt.paymentId(), paymentIntent, TOTAL))).isEqualTo("ignored");
        assertThat(service.handle(new ProviderEvent("evt_m", "payment_intent.succeeded", null, null, paymentIntent,
                TOTAL))).isEqualTo("ignored");
        assertThat(store.order(ORDER).status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
        assertThat(store.payments).isEmpty();
    }

    @Test
    void webhook_shouldRefundTheCharge_whenTheOrderExpiredBeforeTheEventCame() {
        store.put(unpaidOrder(ORDER, USER));
        provider.dieAfterCharging = true;
        assertThatThrownBy(() -> service.pay(USER, ORDER, "tok_visa")).isInstanceOf(InstanceDied.class);
        String key = provider.captures.get(0).idempotencyKey();
        clock.advance(RESERVATION);

        String outcome = service.handle(new ProviderEvent("evt_2", "charge.succeeded", ORDER,
                key.substring("pay-".length()), provider.charges.get(key), TOTAL));

        assertThat(outcome).isEqualTo("refunded");
        assertThat(provider.refunds).hasSize(1);
        assertThat(store.order(ORDER).status()).isEqualTo(OrderStatus.PENDING_PAYMENT); // expired, for the sweep
    }

    @Test
    void webhook_shouldIgnoreEventsThatDoNotMatchAnAttemptInFlight() {
        // given: a paid order
        store.put(unpaidOrder(ORDER, USER));
        Payment payment = service.pay(USER, ORDER, "tok_visa");

        // when / then: a replay for the recorded payment, an unknown order, a wrong amount, another type
        assertThat(service.handle(new ProviderEvent("evt_3", "charge.succeeded", ORDER, payment.paymentId(),
                payment.providerPaymentId(), TOTAL))).isEqualTo("ignored");
        assertThat(service.handle(new ProviderEvent("evt_4", "charge.succeeded", "no-such-order", "p", "ch", TOTAL)))
                .isEqualTo("ignored");
        assertThat(service.handle(new ProviderEvent("evt_5", "charge.refunded", ORDER, payment.paymentId(), null, null)))
                .isEqualTo("ignored");
        assertThat(store.order(ORDER).payment().status()).isEqualTo("CAPTURED");
        assertThat(provider.refunds).isEmpty();
    }

    @Test
    void pay_shouldReject_withoutCallingTheProvider_whenTheOrderExpiredBeforePaying() {
        // given: the reservation lapsed but the sweep has not run
        store.put(unpaidOrder(ORDER, USER));
        clock.advance(RESERVATION);

        // when / then
        assertConflict(() -> service.pay(USER, ORDER, "tok_visa"), "order-not-payable");
        assertThat(provider.captures).isEmpty();
        assertThat(store.slot(ORDER)).isEmpty();
        assertThat(store.order(ORDER).status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
    }

    @Test
    void pay_shouldReject_whenTheOrderWasCancelled() {
        store.put(unpaidOrder(ORDER, USER).withStatus(OrderStatus.CANCELLED, START));

        assertConflict(() -> service.pay(USER, ORDER, "tok_visa"), "order-not-payable");
        assertThat(provider.captures).isEmpty();
    }

    @Test
    void pay_shouldRefundAtOnceAndReject_whenTheOrderExpiresBetweenClaimAndCapture() {
        // given: the reservation runs out (and the sweep expires the order) while the provider is charging
        Order unpaid = unpaidOrder(ORDER, USER);
        store.put(unpaid);
        provider.whileCharging = () -> {
            clock.set(unpaid.expiresAt().plusMillis(1));
            store.put(store.order(ORDER).withStatus(OrderStatus.EXPIRED, clock.instant()));
        };

        // when
        assertConflict(() -> service.pay(USER, ORDER, "tok_visa"), "order-not-payable");

        // then: charged once, refunded once in full, recorded as refunded; the order is expired, never paid
        assertThat(provider.captures).hasSize(1);
        String paymentId = provider.captures.get(0).idempotencyKey().substring("pay-".length());
        assertThat(provider.refunds).containsExactly(
                new Refund("void-" + paymentId, provider.charges.get("pay-" + paymentId), TOTAL));
        Payment stored = store.find(paymentId).orElseThrow();
        assertThat(stored.status()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(stored.amount()).isEqualTo(TOTAL);
        assertThat(stored.refundedAmount()).isEqualTo(TOTAL);
        assertThat(store.slot(ORDER).orElseThrow().state()).isEqualTo(SlotState.VOIDED);
        assertThat(store.order(ORDER).status()).isEqualTo(OrderStatus.EXPIRED);
        assertThat(store.order(ORDER).payment()).isNull();
    }

    @Test
    void pay_shouldRefundAtOnce_whenOnlyTheClockPassesTheReservationDuringTheCharge() {
        // given: no sweep yet, the recording transaction alone finds the reservation over
        Order unpaid = unpaidOrder(ORDER, USER);
        store.put(unpaid);
        provider.whileCharging = () -> clock.set(unpaid.expiresAt());

        // when / then
        assertConflict(() -> service.pay(USER, ORDER, "tok_visa"), "order-not-payable");
        assertThat(provider.refunds).hasSize(1);
        assertThat(store.order(ORDER).status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
        assertThat(store.order(ORDER).statusAt(clock.instant())).isEqualTo(OrderStatus.EXPIRED);
        assertThat(store.payments.values()).singleElement()
                .satisfies(p -> assertThat(p.status()).isEqualTo(PaymentStatus.REFUNDED));
    }

    @Test
    void pay_shouldAnswerNotFound_forAnotherShoppersOrderOrAnUnknownOne() {
        // given
        store.put(unpaidOrder(ORDER, USER));

        // when / then
        assertThatThrownBy(() -> service.pay(OTHER_USER, ORDER, "tok_visa")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.pay(USER, "no-such-order", "tok_visa")).isInstanceOf(NotFoundException.class);
        assertThat(provider.captures).isEmpty();
        assertThat(store.slot(ORDER)).isEmpty();
    }

    @Test
    void pay_shouldRejectTheToken_whenItIsNotATokenShape() {
        store.put(unpaidOrder(ORDER, USER));

        for (String token : new String[] {null, "", "tok visa", "tok-visa", "x".repeat(256), "tok_visa\n"}) {
            assertThatThrownBy(() -> service.pay(USER, ORDER, token)).as("token %s", token)
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                            .extracting(FieldError::field).containsExactly("paymentMethod.token"));
        }
        assertThat(provider.captures).isEmpty();
        assertThat(store.slot(ORDER)).isEmpty();
    }

    @Test
    void get_shouldAnswerNotFound_forAnotherShoppersPaymentOrAnUnknownOne() {
        // given
        store.put(unpaidOrder(ORDER, USER));
        Payment payment = service.pay(USER, ORDER, "tok_visa");

        // when / then
        assertThatThrownBy(() -> service.get(OTHER_USER, payment.paymentId())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.get(USER, "no-such-payment")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.get(USER, null)).isInstanceOf(NotFoundException.class);
    }

    private static void assertConflict(Runnable call, String type) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.type()).isEqualTo(type));
    }

    private static Order unpaidOrder(String orderId, String userId) {
        OrderLine line = new OrderLine("prod-1", "SKU-1", "Lamp", Money.of(1999, "USD"), 2, Money.of(3998, "USD"));
        ShippingAddress address = new ShippingAddress("Ada Lovelace", "12 Analytical Row", null, "Springfield", "IL",
                "62704", "US");
        return new Order(orderId, userId, OrderStatus.PENDING_PAYMENT, List.of(line), Money.of(3998, "USD"),
                Money.of(599, "USD"), Money.of(320, "USD"), TOTAL, address, ShippingMethod.STANDARD, START, START,
                START.plus(RESERVATION).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    /**
     * In-memory fake of the payments and orders tables, with the conditions of {@code DynamoDbPaymentRepository}:
     * a claim is conditional on the slot being as read (absent, or at the version read); release and capture on
     * the slot being the payment's and PAYING; the capture also on the order being PENDING_PAYMENT and unexpired
     * at {@code now}, compared in whole epoch seconds as the adapter's {@code expiresAtEpoch}. All or nothing.
     */
    @Test
    void refund_shouldRefundPartlyThenTheRest_eachWithItsOwnProviderKey() {
        // given
        store.put(unpaidOrder(ORDER, USER));
        Payment payment = service.pay(USER, ORDER, "tok_visa");

        // when
        dev.storefront.domain.payment.Refund part = service.refund(payment.paymentId(), Money.of(1000, "USD"), "damaged box");
        dev.storefront.domain.payment.Refund rest = service.refund(payment.paymentId(), null, null);

        // then
        assertThat(part.amount()).isEqualTo(Money.of(1000, "USD"));
        assertThat(rest.amount()).isEqualTo(TOTAL.minus(Money.of(1000, "USD")));
        assertThat(provider.refunds).extracting(r -> r.idempotencyKey())
                .containsExactly("refund-" + part.refundId(), "refund-" + rest.refundId());
        Payment after = store.payments.get(payment.paymentId());
        assertThat(after.status()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(after.refundedAmount()).isEqualTo(TOTAL);
    }

    @Test
    void refund_shouldBePartiallyRefunded_afterAPart() {
        store.put(unpaidOrder(ORDER, USER));
        Payment payment = service.pay(USER, ORDER, "tok_visa");

        service.refund(payment.paymentId(), Money.of(1, "USD"), null);

        assertThat(store.payments.get(payment.paymentId()).status()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
    }

    @Test
    void refund_shouldRefuseAnythingButAPositiveAmountUpToWhatIsLeft_andCallNoProvider() {
        // given
        store.put(unpaidOrder(ORDER, USER));
        Payment payment = service.pay(USER, ORDER, "tok_visa");

        // when / then
        for (Money bad : java.util.List.of(Money.of(0, "USD"), Money.of(-5, "USD"), TOTAL.plus(Money.of(1, "USD")),
                Money.of(100, "EUR"))) {
            assertThatThrownBy(() -> service.refund(payment.paymentId(), bad, null))
                    .as("%s", bad).isInstanceOf(dev.storefront.domain.error.ValidationException.class);
        }
        service.refund(payment.paymentId(), null, null);
        assertThatThrownBy(() -> service.refund(payment.paymentId(), null, null))
                .as("nothing left").isInstanceOf(dev.storefront.domain.error.ValidationException.class);
        assertThat(provider.refunds).hasSize(1);
    }

    @Test
    void refund_shouldAnswerNotFound_forAnUnknownPayment() {
        assertThatThrownBy(() -> service.refund("nope", null, null))
                .isInstanceOf(dev.storefront.domain.error.NotFoundException.class);
    }

    private static final class InMemoryPayments implements PaymentRepository {

        final Map<String, Order> ordersById = new HashMap<>();
        final Map<String, PaymentSlot> slots = new HashMap<>();
        final Map<String, Payment> payments = new HashMap<>();
        final java.util.List<dev.storefront.domain.payment.Refund> refunds = new java.util.ArrayList<>();
        final java.util.Set<String> events = new java.util.HashSet<>();
        /** Runs before the next claim only: lets a test race another attempt between read and claim. */
        Runnable beforeNextClaim;

        synchronized void put(Order order) {
            ordersById.put(order.orderId(), order);
        }

        synchronized Order order(String orderId) {
            return ordersById.get(orderId);
        }

        /** The orders side: only reads are used by payments. */
        OrderRepository orders() {
            return new OrderRepository() {
                @Override
                public void place(Order order, long cartVersion) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public Optional<Order> find(String orderId) {
                    return Optional.ofNullable(order(orderId));
                }

                @Override
                public OrderPage listByUser(String userId, int limit, String after) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public Order transition(Order order, OrderStatus target, Instant now, boolean returnStock,
                        Reservation reservation) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public List<String> findExpired(Instant now, int limit) {
                    throw new UnsupportedOperationException();
                }
            };
        }

        @Override
        public synchronized Optional<PaymentSlot> slot(String orderId) {
            return Optional.ofNullable(slots.get(orderId));
        }

        @Override
        public void claim(String orderId, String paymentId, Instant leaseUntil, PaymentSlot expected) {
            Runnable hook = beforeNextClaim;
            beforeNextClaim = null;
            if (hook != null) {
                hook.run();
            }
            synchronized (this) {
                PaymentSlot current = slots.get(orderId);
                boolean asRead = expected == null ? current == null
                        : current != null && current.version() == expected.version();
                if (!asRead) {
                    throw new SlotTakenException();
                }
                slots.put(orderId, new PaymentSlot(orderId, paymentId, SlotState.PAYING, leaseUntil,
                        expected == null ? 1 : expected.version() + 1));
            }
        }

        @Override
        public synchronized void release(String orderId, String paymentId) {
            PaymentSlot current = slots.get(orderId);
            if (current != null && current.paymentId().equals(paymentId) && current.state() == SlotState.PAYING) {
                slots.put(orderId, new PaymentSlot(orderId, paymentId, SlotState.DECLINED, current.leaseUntil(),
                        current.version() + 1));
            }
        }

        @Override
        public synchronized void recordCapture(Payment payment, Order order, Instant now) {
            if (payments.containsKey(payment.paymentId())) {
                return; // as the adapter: recorded already by the attempt that resumed this payment id
            }
            Order stored = ordersById.get(order.orderId());
            if (stored == null || stored.status() != OrderStatus.PENDING_PAYMENT
                    || stored.expiresAt().getEpochSecond() <= now.getEpochSecond()) {
                throw new OrderNotPayableException();
            }
            PaymentSlot slot = slots.get(payment.orderId());
            if (slot == null || !slot.paymentId().equals(payment.paymentId()) || slot.state() != SlotState.PAYING) {
                throw new IllegalStateException("the slot is not this payment's");
            }
            payments.put(payment.paymentId(), payment);
            slots.put(slot.orderId(), new PaymentSlot(slot.orderId(), slot.paymentId(), SlotState.PAID,
                    slot.leaseUntil(), slot.version() + 1));
            ordersById.put(stored.orderId(), new Order(stored.orderId(), stored.userId(), OrderStatus.PAID,
                    stored.items(), stored.subtotal(), stored.shipping(), stored.tax(), stored.total(),
                    stored.shippingAddress(), stored.shippingMethod(), stored.createdAt(), now, stored.expiresAt(),
                    new Order.PaymentSummary(payment.paymentId(), payment.status().name(), payment.amount(),
                            payment.refundedAmount())));
        }

        @Override
        public synchronized boolean eventSeen(String eventId) {
            return events.contains(eventId);
        }

        @Override
        public synchronized void rememberEvent(String eventId, Instant keepUntil) {
            events.add(eventId);
        }

        @Override
        public synchronized void recordRefund(Payment before, Payment after,
                dev.storefront.domain.payment.Refund refund) {
            Payment stored = payments.get(before.paymentId());
            if (stored == null || !stored.refundedAmount().equals(before.refundedAmount())) {
                throw new PaymentChangedException();
            }
            payments.put(after.paymentId(), after);
            refunds.add(refund);
        }

        @Override
        public synchronized void recordRefundedAtOnce(Payment payment) {
            PaymentSlot slot = slots.get(payment.orderId());
            if (slot == null || !slot.paymentId().equals(payment.paymentId())) {
                throw new IllegalStateException("the slot is not this payment's");
            }
            payments.put(payment.paymentId(), payment);
            slots.put(slot.orderId(), new PaymentSlot(slot.orderId(), slot.paymentId(), SlotState.VOIDED,
                    slot.leaseUntil(), slot.version() + 1));
        }

        @Override
        public synchronized Optional<Payment> find(String paymentId) {
            return Optional.ofNullable(payments.get(paymentId));
        }
    }

    private record Capture(String idempotencyKey, Money amount, String token, String orderId, String paymentId) {
    }

    private record Refund(String idempotencyKey, String providerPaymentId, Money amount) {
    }

    /** The instance running an attempt died (e.g. timed out) after the provider charged. */
    private static final class InstanceDied extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    /**
     * A provider that records every call and, like a processor, keeps the first outcome of each idempotency key:
     * {@link #charges} holds one entry per key that was actually charged.
     */
    private static final class RecordingProvider implements PaymentProvider {

        final List<Capture> captures = new ArrayList<>();
        final List<Refund> refunds = new ArrayList<>();
        final Map<String, String> charges = new HashMap<>();
        private final Map<String, Charge> outcomes = new HashMap<>();
        private int sequence;
        Runnable whileCharging;
        boolean dieAfterCharging;

        @Override
        public String name() {
            return "fake";
        }

        @Override
        public synchronized Charge capture(String idempotencyKey, Money amount, String token, String orderId,
                String paymentId) {
            captures.add(new Capture(idempotencyKey, amount, token, orderId, paymentId));
            Charge outcome = outcomes.computeIfAbsent(idempotencyKey, key -> switch (token) {
                case "tok_visa" -> {
                    String id = "ch_" + ++sequence;
                    charges.put(key, id);
                    yield Charge.captured(id);
                }
                case "tok_chargeDeclined" -> Charge.declined("card_declined");
                case "tok_chargeDeclinedInsufficientFunds" -> Charge.declined("insufficient_funds");
                default -> Charge.declined("invalid_token");
            });
            if (whileCharging != null) {
                whileCharging.run();
            }
            if (dieAfterCharging) {
                throw new InstanceDied();
            }
            return outcome;
        }

        @Override
        public synchronized String refund(String idempotencyKey, String providerPaymentId, Money amount) {
            refunds.add(new Refund(idempotencyKey, providerPaymentId, amount));
            return "re_" + refunds.size();
        }
    }

    private static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
