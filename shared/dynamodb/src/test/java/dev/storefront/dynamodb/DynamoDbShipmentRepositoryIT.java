package dev.storefront.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storefront.domain.IdGenerator;
import dev.storefront.domain.Money;
import dev.storefront.domain.checkout.ShippingAddress;
import dev.storefront.domain.checkout.ShippingMethod;
import dev.storefront.domain.order.Order;
import dev.storefront.domain.order.OrderLine;
import dev.storefront.domain.order.OrderStatus;
import dev.storefront.domain.shipment.Shipment;
import dev.storefront.domain.shipment.ShipmentRepository.ConcurrentChangeException;
import dev.storefront.domain.shipment.ShipmentRepository.TrackingNumberTakenException;
import dev.storefront.domain.shipment.ShipmentStatus;
import dev.storefront.domain.shipment.TrackingNumbers;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoDbShipmentRepositoryIT {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final ShippingAddress ADDRESS = new ShippingAddress("Ada Lovelace", "12 Analytical Row", null,
            "Springfield", "IL", "62704", "US");

    final LocalTables local = tables();

    /** The DynamoDB these tests run against; {@code *LocalStackIT} runs them again on LocalStack. */
    LocalTables tables() {
        return LocalTables.get();
    }
    private final String ordersTable = local.table("OrdersTable");
    private final String shipmentsTable = local.table("ShipmentsTable");
    private final DynamoDbShipmentRepository repository = new DynamoDbShipmentRepository(local.enhanced,
            shipmentsTable, ordersTable);
    private final DynamoDbOrderRepository orders = new DynamoDbOrderRepository(local.enhanced, ordersTable,
            local.table("ProductsTable"), local.table("CartsTable"));
    private final TrackingNumbers numbers = TrackingNumbers.secure();
    private final IdGenerator ids = IdGenerator.systemDefault();

    @Test
    void create_shouldStoreTheShipment_claimItsTrackingNumber_andMoveTheOrderToFulfilling() {
        Order order = storedOrder(OrderStatus.PAID);
        Shipment shipment = newShipment(order);

        assertThat(repository.create(order, shipment)).isTrue();

        assertThat(repository.find(shipment.shipmentId())).contains(shipment);
        Order stored = orders.find(order.orderId()).orElseThrow();
        assertThat(stored.status()).isEqualTo(OrderStatus.FULFILLING);
        assertThat(stored.updatedAt()).isEqualTo(NOW);
        assertThat(stored.shipment()).isEqualTo(new Order.ShipmentSummary(shipment.shipmentId(), "UPS Ground",
                shipment.trackingNumber(), "LABEL_CREATED"));
        assertThat(raw("TRACKING#" + shipment.trackingNumber())).containsEntry("shipmentId",
                AttributeValue.fromS(shipment.shipmentId()));
    }

    @Test
    void create_shouldWriteNothing_whenTheOrderIsNoLongerPaid() {
        Order order = storedOrder(OrderStatus.PAID);
        Shipment first = newShipment(order);
        Shipment second = newShipment(order);
        Order cancelled = storedOrder(OrderStatus.CANCELLED);
        Shipment late = newShipment(cancelled);

        assertThat(repository.create(order, first)).isTrue();
        assertThat(repository.create(order, second)).isFalse();
        assertThat(repository.create(cancelled, late)).isFalse();

        assertThat(repository.find(second.shipmentId())).isEmpty();
        assertThat(raw("TRACKING#" + second.trackingNumber())).isEmpty();
        assertThat(repository.find(late.shipmentId())).isEmpty();
        assertThat(orders.find(cancelled.orderId()).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(orders.find(order.orderId()).orElseThrow().shipment().shipmentId()).isEqualTo(first.shipmentId());
    }

    @Test
    void create_shouldRefuseATakenTrackingNumber_writingNothing() {
        Order one = storedOrder(OrderStatus.PAID);
        Order two = storedOrder(OrderStatus.PAID);
        Shipment first = newShipment(one);
        Shipment clash = Shipment.labelCreated(ids.next(), two.orderId(), two.userId(), "UPS Ground",
                first.trackingNumber(), NOW);
        repository.create(one, first);

        assertThatThrownBy(() -> repository.create(two, clash)).isInstanceOf(TrackingNumberTakenException.class);

        assertThat(orders.find(two.orderId()).orElseThrow().status()).isEqualTo(OrderStatus.PAID);
        assertThat(repository.find(clash.shipmentId())).isEmpty();
    }

    @Test
    void create_shouldStoreOneShipment_whenManyRaceForOneOrder() throws Exception {
        Order order = storedOrder(OrderStatus.PAID);
        AtomicInteger created = new AtomicInteger();

        List<Object> results = Race.run(8, () -> {
            boolean won = repository.create(order, newShipment(order));
            if (won) {
                created.incrementAndGet();
            }
            return won;
        });

        assertThat(results).allMatch(Boolean.class::isInstance);
        assertThat(created).hasValue(1);
        assertThat(shipmentItemsOf(order.orderId())).isEqualTo(1);
    }

    @Test
    void record_shouldAppendTheEvent_andMoveTheOrder_inOneTransaction() {
        Order order = storedOrder(OrderStatus.PAID);
        Shipment shipment = newShipment(order);
        repository.create(order, shipment);
        Order fulfilling = orders.find(order.orderId()).orElseThrow();
        Shipment inTransit = shipment.with(new Shipment.Event(ShipmentStatus.IN_TRANSIT, "Louisville, KY",
                NOW.plusSeconds(60)));

        repository.record(inTransit, shipment.version(), fulfilling, OrderStatus.SHIPPED);

        assertThat(repository.find(shipment.shipmentId())).contains(inTransit);
        Order shipped = orders.find(order.orderId()).orElseThrow();
        assertThat(shipped.status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(shipped.shipment().status()).isEqualTo("IN_TRANSIT");
        assertThat(shipped.updatedAt()).isEqualTo(NOW.plusSeconds(60));

        Shipment outForDelivery = inTransit.with(new Shipment.Event(ShipmentStatus.OUT_FOR_DELIVERY, null,
                NOW.plusSeconds(120)));
        repository.record(outForDelivery, inTransit.version(), shipped, null);
        assertThat(orders.find(order.orderId()).orElseThrow().status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(repository.find(shipment.shipmentId()).orElseThrow().events()).hasSize(3);
    }

    @Test
    void record_shouldWriteNothing_whenTheShipmentOrTheOrderChangedSinceRead() {
        Order order = storedOrder(OrderStatus.PAID);
        Shipment shipment = newShipment(order);
        repository.create(order, shipment);
        Order fulfilling = orders.find(order.orderId()).orElseThrow();
        Shipment inTransit = shipment.with(new Shipment.Event(ShipmentStatus.IN_TRANSIT, null, NOW));

        // a stale shipment version
        assertThatThrownBy(() -> repository.record(inTransit, shipment.version() + 5, fulfilling,
                OrderStatus.SHIPPED)).isInstanceOf(ConcurrentChangeException.class);
        // the order was cancelled meanwhile
        orders.transition(fulfilling, OrderStatus.CANCELLED, NOW, false,
                dev.storefront.domain.order.OrderRepository.Reservation.ANY);
        assertThatThrownBy(() -> repository.record(inTransit, shipment.version(), fulfilling, OrderStatus.SHIPPED))
                .isInstanceOf(ConcurrentChangeException.class);

        assertThat(repository.find(shipment.shipmentId())).contains(shipment);
        assertThat(orders.find(order.orderId()).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(orders.find(order.orderId()).orElseThrow().shipment().status()).isEqualTo("LABEL_CREATED");
    }

    @Test
    void find_shouldAnswerEmpty_forIdsThatCannotBeKeys() {
        for (String id : List.of("", "x".repeat(3000), "\u00e9".repeat(600))) {
            assertThat(repository.find(id)).isEmpty();
            assertThat(repository.findOrder(id)).isEmpty();
            assertThat(orders.find(id)).isEmpty();
        }
    }

    private Shipment newShipment(Order order) {
        return Shipment.labelCreated(ids.next(), order.orderId(), order.userId(), "UPS Ground",
                numbers.next("UPS Ground", false), NOW);
    }

    private Order storedOrder(OrderStatus status) {
        OrderLine line = new OrderLine("prod-1", "SKU-1", "Lamp", Money.of(1999, "USD"), 1, Money.of(1999, "USD"));
        Order order = new Order(ids.next(), "user-" + UUID.randomUUID(), status, List.of(line), Money.of(1999, "USD"),
                Money.of(599, "USD"), Money.of(0, "USD"), Money.of(2598, "USD"), ADDRESS, ShippingMethod.STANDARD,
                NOW.minusSeconds(600), NOW.minusSeconds(600), NOW.plusSeconds(300));
        local.enhanced.table(ordersTable, OrderItem.SCHEMA).putItem(DynamoDbOrderRepository.toItem(order));
        return order;
    }

    private Map<String, AttributeValue> raw(String pk) {
        return local.client.getItem(b -> b.tableName(shipmentsTable).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS(pk)))).item();
    }

    private int shipmentItemsOf(String orderId) {
        return local.client.scan(b -> b.tableName(shipmentsTable).consistentRead(true)
                .filterExpression("orderId = :order")
                .expressionAttributeValues(Map.of(":order", AttributeValue.fromS(orderId)))).count();
    }
}
