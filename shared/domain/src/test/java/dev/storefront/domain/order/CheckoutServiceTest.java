package dev.storefront.domain.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storefront.domain.IdGenerator;
import dev.storefront.domain.Money;
import dev.storefront.domain.cart.Cart;
import dev.storefront.domain.cart.CartService;
import dev.storefront.domain.cart.InMemoryCarts;
import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.checkout.PricedLine;
import dev.storefront.domain.checkout.Pricing;
import dev.storefront.domain.checkout.Quote;
import dev.storefront.domain.checkout.ShippingAddress;
import dev.storefront.domain.checkout.ShippingMethod;
import dev.storefront.domain.checkout.ShippingRates;
import dev.storefront.domain.checkout.TaxRates;
import dev.storefront.domain.error.ConflictException;
import dev.storefront.domain.error.FieldError;
import dev.storefront.domain.error.NotFoundException;
import dev.storefront.domain.error.ValidationException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CheckoutServiceTest {

    private static final String USER = "user-1";
    private static final Duration RESERVATION = Duration.ofMinutes(15);
    /** Not on a whole second, so the truncation of expiresAt shows. */
    private static final Instant START = Instant.parse("2026-11-22T10:00:00.750Z");
    private static final ShippingAddress ADDRESS = new ShippingAddress("Ada Lovelace", "12 Analytical Row", null,
            "Springfield", "IL", "62704", "US");

    private final MutableClock clock = new MutableClock(START);
    private final InMemoryCarts.Catalog catalog = new InMemoryCarts.Catalog();
    private final InMemoryCarts.Carts carts = new InMemoryCarts.Carts();
    private final InMemoryOrders orders = new InMemoryOrders(catalog, carts);
    private final Pricing pricing = new Pricing(ShippingRates.defaults("USD"), new TaxRates());
    private final CheckoutService service = new CheckoutService(carts, catalog, orders, pricing,
            new IdGenerator(clock, new SecureRandom()), clock, RESERVATION);
    private final CartService cart = new CartService(carts, catalog, clock, "USD");

    @Test
    void quote_shouldPriceTheCartAtCurrentPrices_withShippingAndTax_andChangeNothing() {
        // given: 2 lamps at 19.99 (850 g) and a bulb at 5.00 (100 g)
        givenLampsAndBulb();
        Map<String, Product> productsBefore = catalog.snapshot();
        Cart cartBefore = carts.stored(USER).orElseThrow();
        int cartWrites = carts.writes;

        // when
        Quote quote = service.quote(USER, ADDRESS, "express");

        // then
        Quote expected = pricing.quote(List.of(new PricedLine("lamp", usd(1999), 2, 850),
                new PricedLine("bulb", usd(500), 1, 100)), ADDRESS, ShippingMethod.EXPRESS);
        assertThat(quote).isEqualTo(expected);
        assertThat(quote.subtotal()).isEqualTo(usd(4498));
        assertThat(quote.total()).isEqualTo(quote.subtotal().plus(quote.shipping()).plus(quote.tax()));
        assertThat(quote.shippingOptions()).hasSize(2);
        assertThat(catalog.snapshot()).isEqualTo(productsBefore);
        assertThat(carts.stored(USER)).contains(cartBefore);
        assertThat(carts.writes).isEqualTo(cartWrites);
        assertThat(orders.all()).isEmpty();
        assertThat(orders.writes).isZero();
    }

    @Test
    void checkout_shouldPlaceAnUnpaidOrder_reserveTheStock_andEmptyTheCart() {
        // given
        givenLampsAndBulb();
        Quote quote = service.quote(USER, ADDRESS, "standard");

        // when
        Order order = service.checkout(USER, ADDRESS, "standard");

        // then: lines and totals as quoted
        assertThat(order.status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
        assertThat(order.userId()).isEqualTo(USER);
        assertThat(order.items()).containsExactly(
                new OrderLine("lamp", "SKU-lamp", "Product lamp", usd(1999), 2, usd(3998)),
                new OrderLine("bulb", "SKU-bulb", "Product bulb", usd(500), 1, usd(500)));
        assertThat(List.of(order.subtotal(), order.shipping(), order.tax(), order.total()))
                .containsExactly(quote.subtotal(), quote.shipping(), quote.tax(), quote.total());
        assertThat(order.shippingAddress()).isEqualTo(ADDRESS);
        assertThat(order.shippingMethod()).isEqualTo(ShippingMethod.STANDARD);
        // the reservation: now + 15 minutes, cut to the second
        assertThat(order.createdAt()).isEqualTo(START).isEqualTo(order.updatedAt());
        assertThat(order.expiresAt()).isEqualTo(Instant.parse("2026-11-22T10:15:00Z"));
        // stored, stock taken (and the product versions bumped), cart gone
        assertThat(orders.find(order.orderId())).contains(order);
        assertThat(catalog.available("lamp")).isEqualTo(10);
        assertThat(catalog.available("bulb")).isEqualTo(39);
        assertThat(catalog.findById("lamp").orElseThrow().version()).isEqualTo(2);
        assertThat(carts.stored(USER)).isEmpty();
        assertThat(cart.get(USER).items()).isEmpty();
    }

    @Test
    void checkout_shouldFreezePricesIntoTheOrder_whateverTheCatalogDoesLater() {
        givenLampsAndBulb();
        Order order = service.checkout(USER, ADDRESS, "standard");

        catalog.reprice("lamp", 9999);
        catalog.archive("bulb");

        Order read = service.get(USER, order.orderId());
        assertThat(read.items()).extracting(OrderLine::unitPrice).containsExactly(usd(1999), usd(500));
        assertThat(read.total()).isEqualTo(order.total());
    }

    @Test
    void checkout_shouldStoreTheAddressInItsNormalForm() {
        catalog.add("lamp", 1999, 12, 850);
        cart.add(USER, "lamp", 1);

        Order order = service.checkout(USER, new ShippingAddress("  Jean Tremblay ", "24 Sussex Dr", " ", "Ottawa",
                "ON", "k1a0b1", "CA"), "standard");

        assertThat(order.shippingAddress()).isEqualTo(new ShippingAddress("Jean Tremblay", "24 Sussex Dr", null,
                "Ottawa", "ON", "K1A 0B1", "CA"));
    }

    @Test
    void checkout_shouldReject_whenStockRunsOut_namingEveryShortLine_andReserveNothing() {
        // given: two of three lines are short
        catalog.add("lamp", 1999, 1, 850);
        catalog.add("bulb", 500, 40, 100);
        catalog.add("vase", 3000, 0, 1200);
        cart.add(USER, "lamp", 2);
        cart.add(USER, "bulb", 1);
        cart.add(USER, "vase", 1);
        Map<String, Product> productsBefore = catalog.snapshot();
        Cart cartBefore = carts.stored(USER).orElseThrow();

        // when / then
        assertThatThrownBy(() -> service.checkout(USER, ADDRESS, "standard"))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.type()).isEqualTo("out-of-stock");
                    assertThat(e.errors()).containsExactlyInAnyOrder(
                            new FieldError("items[lamp]", "only 1 available, 2 in the cart"),
                            new FieldError("items[vase]", "only 0 available, 1 in the cart"));
                });
        assertThat(catalog.snapshot()).isEqualTo(productsBefore);
        assertThat(carts.stored(USER)).contains(cartBefore);
        assertThat(orders.all()).isEmpty();
        assertThat(orders.writes).isZero();
    }

    @Test
    void checkout_shouldReject_aLineWhoseProductWasArchived_namingIt_andReserveNothing() {
        givenLampsAndBulb();
        catalog.archive("bulb");
        Map<String, Product> productsBefore = catalog.snapshot();

        assertThatThrownBy(() -> service.checkout(USER, ADDRESS, "standard"))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.type()).isEqualTo("out-of-stock");
                    assertThat(e.errors()).containsExactly(new FieldError("items[bulb]", "is no longer for sale"));
                });
        assertThat(catalog.snapshot()).isEqualTo(productsBefore);
        assertThat(carts.stored(USER)).isPresent();
        assertThat(orders.all()).isEmpty();
    }

    @Test
    void checkout_shouldReject_aBadAddressAndMethod_namingEachField_beforeReadingTheCart() {
        // given: no cart at all, so an empty-cart error would show if the cart were read first
        ShippingAddress bad = new ShippingAddress("", "12 Analytical Row", null, "Springfield", "IL", "ABC", "US");

        // when / then
        assertThatThrownBy(() -> service.checkout(USER, bad, "overnight"))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.type()).isEqualTo("validation");
                    assertThat(e.errors()).extracting(FieldError::field).containsExactlyInAnyOrder(
                            "shippingAddress.name", "shippingAddress.postalCode", "shippingMethod");
                });
        assertThatThrownBy(() -> service.quote(USER, null, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .containsExactlyInAnyOrder(new FieldError("shippingAddress", "is required"),
                                new FieldError("shippingMethod", "is required")));
        assertThatThrownBy(() -> service.checkout(USER, ADDRESS, "STANDARD"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("shippingMethod"));
        assertThat(carts.finds).isZero();
        assertThat(orders.all()).isEmpty();
    }

    @Test
    void checkoutAndQuote_shouldReject_anEmptyCart() {
        // no cart at all
        assertThatThrownBy(() -> service.checkout(USER, ADDRESS, "standard"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.type()).isEqualTo("empty-cart"));
        assertThatThrownBy(() -> service.quote(USER, ADDRESS, "standard"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.type()).isEqualTo("empty-cart"));

        // a stored cart whose last line was removed
        catalog.add("lamp", 1999, 12, 850);
        cart.add(USER, "lamp", 1);
        cart.remove(USER, "lamp");
        assertThatThrownBy(() -> service.checkout(USER, ADDRESS, "standard"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.type()).isEqualTo("empty-cart"));
        assertThat(orders.all()).isEmpty();
        assertThat(catalog.available("lamp")).isEqualTo(12);
    }

    @Test
    void checkout_shouldPriceAgainAndOrderTheNewCart_whenTheCartChangedBetweenPricingAndPlacing() {
        // given: another tab adds a vase after this checkout priced the cart
        givenLampsAndBulb();
        catalog.add("vase", 3000, 3, 1200);
        orders.beforeNextPlace = () -> cart.add(USER, "vase", 1);

        // when
        Order order = service.checkout(USER, ADDRESS, "standard");

        // then
        assertThat(order.items()).extracting(OrderLine::productId).containsExactly("lamp", "bulb", "vase");
        assertThat(order.subtotal()).isEqualTo(usd(4498 + 3000));
        assertThat(catalog.available("vase")).isEqualTo(2);
        assertThat(orders.all()).hasSize(1);
        assertThat(carts.stored(USER)).isEmpty();
    }

    @Test
    void checkout_shouldGiveUpWithAConflict_whenTheCartKeepsChanging_andReserveNothing() {
        givenLampsAndBulb();
        Runnable[] interfere = new Runnable[1];
        interfere[0] = () -> {
            cart.add(USER, "bulb", 1);
            orders.beforeNextPlace = interfere[0];
        };
        orders.beforeNextPlace = interfere[0];

        assertThatThrownBy(() -> service.checkout(USER, ADDRESS, "standard"))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.type()).isEqualTo("cart-busy"));
        assertThat(orders.all()).isEmpty();
        assertThat(catalog.available("lamp")).isEqualTo(12);
        assertThat(carts.stored(USER).orElseThrow().line("bulb").orElseThrow().quantity())
                .isEqualTo(1 + CheckoutService.MAX_ATTEMPTS);
    }

    @Test
    void cancel_shouldCancelAnUnpaidOrder_andReturnItsStock() {
        // given
        givenLampsAndBulb();
        Order order = service.checkout(USER, ADDRESS, "standard");
        clock.advance(Duration.ofMinutes(5));

        // when
        Order cancelled = service.cancel(USER, order.orderId());

        // then
        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(cancelled.updatedAt()).isEqualTo(clock.instant());
        assertThat(orders.find(order.orderId()).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(catalog.available("lamp")).isEqualTo(12);
        assertThat(catalog.available("bulb")).isEqualTo(40);
        // a second cancel is a conflict and returns nothing again
        assertThatThrownBy(() -> service.cancel(USER, order.orderId())).isInstanceOf(ConflictException.class);
        assertThat(catalog.available("lamp")).isEqualTo(12);
    }

    @Test
    void cancel_shouldConflict_onceTheReservationExpired_evenBeforeTheSweep() {
        // given
        givenLampsAndBulb();
        Order order = service.checkout(USER, ADDRESS, "standard");
        clock.set(order.expiresAt());

        // when / then
        assertThatThrownBy(() -> service.cancel(USER, order.orderId()))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.type()).isEqualTo("order-not-cancellable");
                    assertThat(e.getMessage()).contains("EXPIRED");
                });
        clock.advance(Duration.ofHours(1));
        assertThatThrownBy(() -> service.cancel(USER, order.orderId())).isInstanceOf(ConflictException.class);
        assertThat(orders.find(order.orderId()).orElseThrow().status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
        assertThat(catalog.available("lamp")).isEqualTo(10); // returned by the sweep, not by the cancel
    }

    @Test
    void cancel_shouldCancelAPaidOrder_returnItsStock_andRefundWhatIsLeft() {
        // given: a paid order (with the payment summary the capture writes)
        List<String> refunded = new java.util.ArrayList<>();
        CheckoutService withRefunds = new CheckoutService(carts, catalog, orders, pricing,
                new IdGenerator(clock, new SecureRandom()), clock, RESERVATION, (paymentId, reason) -> {
                    refunded.add(paymentId);
                    Order stored = orders.find(paidOrderId).orElseThrow();
                    orders.store(withPayment(stored, "pay-1", "REFUNDED", stored.total().amount()));
                });
        givenLampsAndBulb();
        Order order = withRefunds.checkout(USER, ADDRESS, "standard");
        paidOrderId = order.orderId();
        Order paid = orders.transition(order, OrderStatus.PAID, clock.instant(), false,
                OrderRepository.Reservation.UNEXPIRED);
        orders.store(withPayment(paid, "pay-1", "CAPTURED", 0));

        // when
        Order cancelled = withRefunds.cancel(USER, order.orderId());

        // then
        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(cancelled.payment().status()).isEqualTo("REFUNDED");
        assertThat(refunded).containsExactly("pay-1");
        assertThat(catalog.available("lamp")).isEqualTo(12);

        // and: cancelling again changes nothing
        assertThatThrownBy(() -> withRefunds.cancel(USER, order.orderId())).isInstanceOf(ConflictException.class);
        assertThat(refunded).hasSize(1);
    }

    @Test
    void cancel_shouldFinishTheRefund_whenACancelledOrderStillOwesIt() {
        // given: a cancelled paid order whose refund did not go through
        List<String> refunded = new java.util.ArrayList<>();
        CheckoutService withRefunds = new CheckoutService(carts, catalog, orders, pricing,
                new IdGenerator(clock, new SecureRandom()), clock, RESERVATION, (paymentId, reason) -> refunded.add(paymentId));
        givenLampsAndBulb();
        Order order = withRefunds.checkout(USER, ADDRESS, "standard");
        Order paid = orders.transition(order, OrderStatus.PAID, clock.instant(), false,
                OrderRepository.Reservation.UNEXPIRED);
        Order cancelled = orders.transition(paid, OrderStatus.CANCELLED, clock.instant(), true,
                OrderRepository.Reservation.ANY);
        orders.store(withPayment(cancelled, "pay-2", "CAPTURED", 0));

        // when
        withRefunds.cancel(USER, order.orderId());

        // then
        assertThat(refunded).containsExactly("pay-2");
    }

    @Test
    void cancel_shouldCancelAPaidOrder_thatMovedToFulfillingWhileBeingCancelled() {
        // given: a paid order whose shipment is created between the cancel's read and its write
        List<String> refunded = new java.util.ArrayList<>();
        CheckoutService withRefunds = new CheckoutService(carts, catalog, orders, pricing,
                new IdGenerator(clock, new SecureRandom()), clock, RESERVATION, (paymentId, reason) -> refunded.add(paymentId));
        givenLampsAndBulb();
        Order order = withRefunds.checkout(USER, ADDRESS, "standard");
        Order paid = orders.transition(order, OrderStatus.PAID, clock.instant(), false,
                OrderRepository.Reservation.UNEXPIRED);
        orders.store(withPayment(paid, "pay-3", "CAPTURED", 0));
        orders.beforeNextTransition = () -> orders.store(orders.find(order.orderId()).orElseThrow()
                .withStatus(OrderStatus.FULFILLING, clock.instant()));

        // when
        withRefunds.cancel(USER, order.orderId());

        // then: cancelled from FULFILLING, stock back, refunded
        assertThat(orders.find(order.orderId()).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(catalog.available("lamp")).isEqualTo(12);
        assertThat(refunded).containsExactly("pay-3");
    }

    @Test
    void cancel_shouldConflict_whenTheOrderShippedWhileBeingCancelled() {
        // given: a fulfilling order that ships between the cancel's read and its write
        givenLampsAndBulb();
        Order order = service.checkout(USER, ADDRESS, "standard");
        Order paid = orders.transition(order, OrderStatus.PAID, clock.instant(), false,
                OrderRepository.Reservation.UNEXPIRED);
        Order fulfilling = orders.transition(paid, OrderStatus.FULFILLING, clock.instant(), false,
                OrderRepository.Reservation.ANY);
        orders.beforeNextTransition = () -> orders.store(fulfilling.withStatus(OrderStatus.SHIPPED, clock.instant()));

        // when / then
        assertThatThrownBy(() -> service.cancel(USER, order.orderId())).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.getMessage()).contains("SHIPPED"));
        assertThat(orders.find(order.orderId()).orElseThrow().status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(catalog.available("lamp")).isEqualTo(10);
    }

    private String paidOrderId;

    private static Order withPayment(Order order, String paymentId, String status, long refunded) {
        return new Order(order.orderId(), order.userId(), order.status(), order.items(), order.subtotal(),
                order.shipping(), order.tax(), order.total(), order.shippingAddress(), order.shippingMethod(),
                order.createdAt(), order.updatedAt(), order.expiresAt(), new Order.PaymentSummary(paymentId, status,
                        order.total(), Money.of(refunded, order.total().currency())));
    }

    @Test
    void getAndCancel_shouldAnswerNotFound_forAnotherShoppersOrder_orAnUnknownOne() {
        givenLampsAndBulb();
        Order order = service.checkout(USER, ADDRESS, "standard");

        assertThatThrownBy(() -> service.get("user-2", order.orderId()))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.type()).isEqualTo("order-not-found"));
        assertThatThrownBy(() -> service.cancel("user-2", order.orderId()))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.type()).isEqualTo("order-not-found"));
        assertThatThrownBy(() -> service.get(USER, "no-such-order")).isInstanceOf(NotFoundException.class);
        assertThat(orders.find(order.orderId()).orElseThrow().status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
        assertThat(catalog.available("lamp")).isEqualTo(10);
    }

    @Test
    void list_shouldAnswerTheShoppersOrders_newestFirst_pageByPage() {
        catalog.add("lamp", 1999, 12, 850);
        String[] ids = new String[3];
        for (int i = 0; i < 3; i++) {
            cart.add(USER, "lamp", 1);
            ids[i] = service.checkout(USER, ADDRESS, "standard").orderId();
            clock.advance(Duration.ofSeconds(1));
        }
        cart.add("user-2", "lamp", 1);
        service.checkout("user-2", ADDRESS, "standard");

        OrderRepository.OrderPage first = service.list(USER, 2, null);
        OrderRepository.OrderPage second = service.list(USER, 2, first.lastOrderId());

        assertThat(first.orders()).extracting(Order::orderId).containsExactly(ids[2], ids[1]);
        assertThat(second.orders()).extracting(Order::orderId).containsExactly(ids[0]);
        assertThat(second.lastOrderId()).isNull();
        assertThat(service.list(USER, 3, null).lastOrderId()).isNull(); // a full last page has no next page
    }

    @Test
    void expireDue_shouldExpireOnlyUnpaidOrdersPastTheirReservation_andReturnTheirStockExactlyOnce() {
        // given: A is due, B is unpaid but not due yet, C was paid and is past its reservation time
        catalog.add("lamp", 1999, 12, 850);
        Order a = checkout("shopper-a", 2);
        clock.advance(Duration.ofMinutes(1));
        Order c = checkout("shopper-c", 3);
        orders.transition(c, OrderStatus.PAID, clock.instant(), false, OrderRepository.Reservation.UNEXPIRED);
        clock.advance(Duration.ofMinutes(9));
        Order b = checkout("shopper-b", 4);
        assertThat(catalog.available("lamp")).isEqualTo(12 - 2 - 3 - 4);
        clock.set(START.plus(Duration.ofMinutes(20)));

        // when
        int first = service.expireDue(100);
        int second = service.expireDue(100);

        // then
        assertThat(first).isEqualTo(1);
        assertThat(second).isZero();
        assertThat(orders.find(a.orderId()).orElseThrow().status()).isEqualTo(OrderStatus.EXPIRED);
        assertThat(orders.find(b.orderId()).orElseThrow().status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
        assertThat(orders.find(c.orderId()).orElseThrow().status()).isEqualTo(OrderStatus.PAID);
        assertThat(catalog.available("lamp")).isEqualTo(12 - 3 - 4);
        // B's turn comes, once
        clock.set(b.expiresAt());
        assertThat(service.expireDue(100)).isEqualTo(1);
        assertThat(service.expireDue(100)).isZero();
        assertThat(catalog.available("lamp")).isEqualTo(12 - 3);
    }

    @Test
    void expireDue_shouldExpireAtMostLimitOrders_perSweep() {
        catalog.add("lamp", 1999, 12, 850);
        for (int i = 0; i < 3; i++) {
            checkout("shopper-" + i, 1);
        }
        clock.advance(RESERVATION);

        assertThat(service.expireDue(2)).isEqualTo(2);
        assertThat(service.expireDue(2)).isEqualTo(1);
        assertThat(service.expireDue(2)).isZero();
        assertThat(catalog.available("lamp")).isEqualTo(12);
    }

    /** A cart of 2 lamps (19.99, 850 g, 12 in stock) and a bulb (5.00, 100 g, 40 in stock) for {@link #USER}. */
    private void givenLampsAndBulb() {
        catalog.add("lamp", 1999, 12, 850);
        catalog.add("bulb", 500, 40, 100);
        cart.add(USER, "lamp", 2);
        cart.add(USER, "bulb", 1);
    }

    private Order checkout(String userId, int lamps) {
        cart.add(userId, "lamp", lamps);
        return service.checkout(userId, ADDRESS, "standard");
    }

    private static Money usd(long amount) {
        return Money.of(amount, "USD");
    }

    /** A clock that tests move by hand. */
    private static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void set(Instant instant) {
            now = instant;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
