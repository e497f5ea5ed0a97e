package dev.storefront.domain.shipment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storefront.domain.IdGenerator;
import dev.storefront.domain.Money;
import dev.storefront.domain.checkout.ShippingAddress;
import dev.storefront.domain.checkout.ShippingMethod;
import dev.storefront.domain.checkout.ShippingRates;
import dev.storefront.domain.error.ConflictException;
import dev.storefront.domain.error.NotFoundException;
import dev.storefront.domain.order.Order;
import dev.storefront.domain.order.OrderLine;
import dev.storefront.domain.order.OrderRepository;
import dev.storefront.domain.order.OrderStatus;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ShipmentServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final String USER = "user-1";

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final InMemoryShipping store = new InMemoryShipping();
    private final ShipmentService service = service(new TrackingNumbers(new SplittableRandom(7)));

    private ShipmentService service(TrackingNumbers numbers) {
        return new ShipmentService(store, ShippingRates.defaults("USD"), numbers,
                new IdGenerator(clock, new SecureRandom()), clock);
    }

    @Test
    void createFor_shouldCreateOneLabelledShipment_andMoveThePaidOrderToFulfilling() {
        store.put(order("o-1", OrderStatus.PAID, "US", ShippingMethod.STANDARD));

        assertThat(service.createFor("o-1")).isEqualTo(ShipmentService.Outcome.CREATED);

        Shipment shipment = store.shipmentsOf("o-1").get(0);
        assertThat(shipment.status()).isEqualTo(ShipmentStatus.LABEL_CREATED);
        assertThat(shipment.carrier()).isEqualTo("UPS Ground");
        assertThat(shipment.userId()).isEqualTo(USER);
        assertThat(TrackingNumbers.isValid(shipment.trackingNumber())).isTrue();
        assertThat(shipment.events()).containsExactly(new Shipment.Event(ShipmentStatus.LABEL_CREATED, null, NOW));
        Order order = store.orders().find("o-1").orElseThrow();
        assertThat(order.status()).isEqualTo(OrderStatus.FULFILLING);
        assertThat(order.shipment()).isEqualTo(new Order.ShipmentSummary(shipment.shipmentId(), "UPS Ground",
                shipment.trackingNumber(), "LABEL_CREATED"));
    }

    @Test
    void createFor_shouldPickTheCarrierOfTheMethodAndZone() {
        store.put(order("o-de", OrderStatus.PAID, "DE", ShippingMethod.EXPRESS));

        service.createFor("o-de");

        Shipment shipment = store.shipmentsOf("o-de").get(0);
        assertThat(shipment.carrier()).isEqualTo("DHL Express Worldwide");
        assertThat(shipment.trackingNumber()).matches("[0-9]{10}");
    }

    @Test
    void createFor_shouldDoNothing_whenDeliveredAgain_orTheOrderIsNotPaid() {
        store.put(order("o-1", OrderStatus.PAID, "US", ShippingMethod.STANDARD));
        store.put(order("o-pending", OrderStatus.PENDING_PAYMENT, "US", ShippingMethod.STANDARD));
        store.put(order("o-cancelled", OrderStatus.CANCELLED, "US", ShippingMethod.STANDARD));

        assertThat(service.createFor("o-1")).isEqualTo(ShipmentService.Outcome.CREATED);
        assertThat(service.createFor("o-1")).isEqualTo(ShipmentService.Outcome.NOT_PAID);
        assertThat(service.createFor("o-pending")).isEqualTo(ShipmentService.Outcome.NOT_PAID);
        assertThat(service.createFor("o-cancelled")).isEqualTo(ShipmentService.Outcome.NOT_PAID);
        assertThat(service.createFor("no-such-order")).isEqualTo(ShipmentService.Outcome.UNKNOWN_ORDER);

        assertThat(store.shipmentsOf("o-1")).hasSize(1);
        assertThat(store.shipmentsOf("o-pending")).isEmpty();
        assertThat(store.shipmentsOf("o-cancelled")).isEmpty();
    }

    @Test
    void createFor_shouldCreateExactlyOneShipment_whenDeliveriesRace() throws Exception {
        store.put(order("o-1", OrderStatus.PAID, "US", ShippingMethod.STANDARD));

        List<ShipmentService.Outcome> outcomes = race(8, () -> service.createFor("o-1"));

        assertThat(outcomes).containsOnlyOnce(ShipmentService.Outcome.CREATED);
        assertThat(store.shipmentsOf("o-1")).hasSize(1);
    }

    @Test
    void createFor_shouldDrawAnotherTrackingNumber_whenOneIsTaken() {
        store.put(order("o-1", OrderStatus.PAID, "US", ShippingMethod.STANDARD));
        String first = new TrackingNumbers(new SplittableRandom(99)).next("UPS Ground", false);
        store.claimTrackingNumber(first);

        service(new TrackingNumbers(new SplittableRandom(99))).createFor("o-1");

        Shipment shipment = store.shipmentsOf("o-1").get(0);
        assertThat(shipment.trackingNumber()).isNotEqualTo(first);
        assertThat(TrackingNumbers.isValid(shipment.trackingNumber())).isTrue();
    }

    @Test
    void record_shouldWalkTheHappyPath_movingTheOrderToShippedThenDelivered() {
        Shipment created = paidAndCreated("o-1");

        service.record(created.shipmentId(), ShipmentStatus.IN_TRANSIT, "Louisville, KY");
        assertThat(store.orders().find("o-1").orElseThrow().status()).isEqualTo(OrderStatus.SHIPPED);
        service.record(created.shipmentId(), ShipmentStatus.OUT_FOR_DELIVERY, "Springfield, IL");
        assertThat(store.orders().find("o-1").orElseThrow().status()).isEqualTo(OrderStatus.SHIPPED);
        Shipment delivered = service.record(created.shipmentId(), ShipmentStatus.DELIVERED, null);

        assertThat(delivered.status()).isEqualTo(ShipmentStatus.DELIVERED);
        assertThat(delivered.events()).extracting(Shipment.Event::status).containsExactly(
                ShipmentStatus.LABEL_CREATED, ShipmentStatus.IN_TRANSIT, ShipmentStatus.OUT_FOR_DELIVERY,
                ShipmentStatus.DELIVERED);
        assertThat(delivered.events()).extracting(Shipment.Event::location).containsExactly(null,
                "Louisville, KY", "Springfield, IL", null);
        Order order = store.orders().find("o-1").orElseThrow();
        assertThat(order.status()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(order.shipment().status()).isEqualTo("DELIVERED");
        assertThat(store.find(created.shipmentId())).contains(delivered);
    }

    @Test
    void record_shouldHandleExceptions_andResumeInTransit() {
        Shipment created = paidAndCreated("o-1");

        service.record(created.shipmentId(), ShipmentStatus.EXCEPTION, "Address unreadable");
        assertThat(store.orders().find("o-1").orElseThrow().status()).isEqualTo(OrderStatus.FULFILLING);
        service.record(created.shipmentId(), ShipmentStatus.IN_TRANSIT, null);
        assertThat(store.orders().find("o-1").orElseThrow().status()).isEqualTo(OrderStatus.SHIPPED);
        service.record(created.shipmentId(), ShipmentStatus.OUT_FOR_DELIVERY, null);
        service.record(created.shipmentId(), ShipmentStatus.EXCEPTION, "Nobody home");
        Shipment resumed = service.record(created.shipmentId(), ShipmentStatus.IN_TRANSIT, null);

        assertThat(resumed.events()).hasSize(6);
        assertThat(store.orders().find("o-1").orElseThrow().status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(store.orders().find("o-1").orElseThrow().shipment().status()).isEqualTo("IN_TRANSIT");
    }

    @Test
    void record_shouldRefuseTransitionsTheStateMachineDoesNotHave_changingNothing() {
        Shipment created = paidAndCreated("o-1");

        assertConflict(() -> service.record(created.shipmentId(), ShipmentStatus.DELIVERED, null),
                "transition-not-allowed");
        assertConflict(() -> service.record(created.shipmentId(), ShipmentStatus.LABEL_CREATED, null),
                "transition-not-allowed");
        service.record(created.shipmentId(), ShipmentStatus.IN_TRANSIT, null);
        assertConflict(() -> service.record(created.shipmentId(), ShipmentStatus.IN_TRANSIT, null),
                "transition-not-allowed");
        service.record(created.shipmentId(), ShipmentStatus.OUT_FOR_DELIVERY, null);
        service.record(created.shipmentId(), ShipmentStatus.DELIVERED, null);
        for (ShipmentStatus any : ShipmentStatus.values()) {
            assertConflict(() -> service.record(created.shipmentId(), any, null), "transition-not-allowed");
        }
        assertThat(store.find(created.shipmentId()).orElseThrow().events()).hasSize(4);
    }

    @Test
    void record_shouldRefuse_whenTheOrderWasCancelled() {
        Shipment created = paidAndCreated("o-1");
        Order fulfilling = store.orders().find("o-1").orElseThrow();
        store.orders().transition(fulfilling, OrderStatus.CANCELLED, NOW, true, OrderRepository.Reservation.ANY);

        assertConflict(() -> service.record(created.shipmentId(), ShipmentStatus.IN_TRANSIT, null),
                "order-not-shippable");
        assertThat(store.find(created.shipmentId()).orElseThrow().status()).isEqualTo(ShipmentStatus.LABEL_CREATED);
        assertThat(store.orders().find("o-1").orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void record_shouldLetOneOfTwoRacingScansWin() throws Exception {
        Shipment created = paidAndCreated("o-1");

        List<Object> outcomes = race(6, () -> {
            try {
                return service.record(created.shipmentId(), ShipmentStatus.IN_TRANSIT, null);
            } catch (ConflictException e) {
                return e.type();
            }
        });

        assertThat(outcomes.stream().filter(Shipment.class::isInstance)).hasSize(1);
        assertThat(outcomes.stream().filter(o -> !(o instanceof Shipment)))
                .allMatch(o -> o.equals("transition-not-allowed") || o.equals("shipment-busy"));
        assertThat(store.find(created.shipmentId()).orElseThrow().events()).hasSize(2);
    }

    @Test
    void record_shouldAnswerNotFound_forAnUnknownShipment() {
        assertThatThrownBy(() -> service.record("no-such", ShipmentStatus.IN_TRANSIT, null))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void forOrder_shouldShowTheShipmentToItsOwnerAndAdmins_only() {
        Shipment created = paidAndCreated("o-1");
        store.put(order("o-unshipped", OrderStatus.PAID, "US", ShippingMethod.STANDARD));

        assertThat(service.forOrder(USER, false, "o-1")).isEqualTo(created);
        assertThat(service.forOrder("admin-1", true, "o-1")).isEqualTo(created);
        assertThatThrownBy(() -> service.forOrder("user-2", false, "o-1")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.forOrder(USER, false, "o-unshipped")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.forOrder(USER, false, "no-such")).isInstanceOf(NotFoundException.class);
    }

    private Shipment paidAndCreated(String orderId) {
        store.put(order(orderId, OrderStatus.PAID, "US", ShippingMethod.STANDARD));
        assertThat(service.createFor(orderId)).isEqualTo(ShipmentService.Outcome.CREATED);
        return store.shipmentsOf(orderId).get(0);
    }

    private static void assertConflict(Runnable call, String type) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.type()).isEqualTo(type));
    }

    private static <T> List<T> race(int threads, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Order order(String orderId, OrderStatus status, String country, ShippingMethod method) {
        OrderLine line = new OrderLine("prod-1", "SKU-1", "Lamp", Money.of(1999, "USD"), 1, Money.of(1999, "USD"));
        ShippingAddress address = new ShippingAddress("Ada Lovelace", "12 Analytical Row", null, "Springfield",
                country.equals("US") ? "IL" : null, country.equals("US") ? "62704" : "10115", country);
        return new Order(orderId, USER, status, List.of(line), Money.of(1999, "USD"), Money.of(599, "USD"),
                Money.of(0, "USD"), Money.of(2598, "USD"), address, method, NOW, NOW, NOW.plusSeconds(900));
    }
}
