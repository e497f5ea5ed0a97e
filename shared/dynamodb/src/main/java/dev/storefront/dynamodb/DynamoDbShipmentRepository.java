package dev.storefront.dynamodb;

import dev.storefront.domain.order.Order;
import dev.storefront.domain.order.OrderStatus;
import dev.storefront.domain.shipment.Shipment;
import dev.storefront.domain.shipment.ShipmentRepository;
import dev.storefront.domain.shipment.ShipmentStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Shipments in the shipments table, written in one transaction with their order in the orders table.
 *
 * <ul>
 *   <li>{@code SHIPMENT#<shipmentId>}: the shipment, its timeline ({@code events}, oldest first) and
 *       {@code version};</li>
 *   <li>{@code TRACKING#<trackingNumber>}: the claim of a tracking number, so no two shipments share one.</li>
 * </ul>
 *
 * The order carries a summary of its shipment ({@code shipment}: id, carrier, tracking number, status), kept in
 * step by the same transactions, so {@code GET /orders/{id}} shows it without reading this table.
 */
public final class DynamoDbShipmentRepository implements ShipmentRepository {

    static final String SHIPMENT = "SHIPMENT#";
    static final String TRACKING = "TRACKING#";

    private final DynamoDbClient client;
    private final String shipments;
    private final String orders;

    public DynamoDbShipmentRepository(DynamoDbClient client, String shipmentsTable, String ordersTable) {
        this.client = client;
        this.shipments = shipmentsTable;
        this.orders = ordersTable;
    }

    @Override
    public boolean create(Order order, Shipment shipment) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().update(u -> u.tableName(orders).key(orderKey(order.orderId()))
                .updateExpression("SET #status = :fulfilling, shipment = :summary, updatedAt = :now")
                .conditionExpression("#status = :paid")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":fulfilling", AttributeValue.fromS(OrderStatus.FULFILLING.name()),
                        ":paid", AttributeValue.fromS(OrderStatus.PAID.name()), ":summary", summary(shipment),
                        ":now", AttributeValue.fromS(shipment.createdAt().toString())))).build());
        writes.add(TransactWriteItem.builder().put(p -> p.tableName(shipments).item(toItem(shipment))
                .conditionExpression("attribute_not_exists(pk)")).build());
        writes.add(TransactWriteItem.builder().put(p -> p.tableName(shipments)
                .item(Map.of("pk", AttributeValue.fromS(TRACKING + shipment.trackingNumber()),
                        "shipmentId", AttributeValue.fromS(shipment.shipmentId())))
                .conditionExpression("attribute_not_exists(pk)")).build());
        try {
            Transactions.write(client, writes);
            return true;
        } catch (TransactionCanceledException e) {
            if (Transactions.conditionFailed(e, 0)) {
                return false;
            }
            if (Transactions.conditionFailed(e, 2)) {
                throw new TrackingNumberTakenException(shipment.trackingNumber());
            }
            throw e;
        }
    }

    @Override
    public Optional<Shipment> find(String shipmentId) {
        if (!Keys.isStorable(shipmentId)) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = client.getItem(b -> b.tableName(shipments).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS(SHIPMENT + shipmentId)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toShipment(item));
    }

    @Override
    public Optional<Order> findOrder(String orderId) {
        if (!Keys.isStorable(orderId)) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = client.getItem(b -> b.tableName(orders).consistentRead(true)
                .key(orderKey(orderId))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(DynamoDbOrderRepository.toOrder(item));
    }

    @Override
    public void record(Shipment updated, long readVersion, Order order, OrderStatus orderStatus) {
        Shipment.Event event = updated.events().get(updated.events().size() - 1);
        String now = updated.updatedAt().toString();
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().update(u -> u.tableName(shipments)
                .key(Map.of("pk", AttributeValue.fromS(SHIPMENT + updated.shipmentId())))
                .updateExpression("SET #status = :status, events = list_append(events, :event), "
                        + "version = :next, updatedAt = :now")
                .conditionExpression("version = :read")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":status", AttributeValue.fromS(updated.status().name()),
                        ":event", AttributeValue.fromL(List.of(eventItem(event))),
                        ":next", DynamoDbOrderRepository.number(updated.version()),
                        ":read", DynamoDbOrderRepository.number(readVersion),
                        ":now", AttributeValue.fromS(now)))).build());
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":from", AttributeValue.fromS(order.status().name()),
                ":shipmentStatus", AttributeValue.fromS(updated.status().name()),
                ":shipmentId", AttributeValue.fromS(updated.shipmentId()), ":now", AttributeValue.fromS(now)));
        String set = "SET shipment.#status = :shipmentStatus, updatedAt = :now";
        if (orderStatus != null) {
            if (!order.status().canMoveTo(orderStatus)) {
                throw new IllegalArgumentException(order.status() + " cannot move to " + orderStatus);
            }
            set += ", #status = :to";
            values.put(":to", AttributeValue.fromS(orderStatus.name()));
        }
        String update = set;
        writes.add(TransactWriteItem.builder().update(u -> u.tableName(orders).key(orderKey(order.orderId()))
                .updateExpression(update)
                .conditionExpression("#status = :from AND shipment.shipmentId = :shipmentId")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(values)).build());
        try {
            Transactions.write(client, writes);
        } catch (TransactionCanceledException e) {
            if (Transactions.conditionFailed(e, 0) || Transactions.conditionFailed(e, 1)) {
                throw new ConcurrentChangeException();
            }
            throw e;
        }
    }

    private static Map<String, AttributeValue> orderKey(String orderId) {
        return Map.of("orderId", AttributeValue.fromS(orderId));
    }

    private static AttributeValue summary(Shipment shipment) {
        return AttributeValue.fromM(Map.of("shipmentId", AttributeValue.fromS(shipment.shipmentId()),
                "carrier", AttributeValue.fromS(shipment.carrier()),
                "trackingNumber", AttributeValue.fromS(shipment.trackingNumber()),
                "status", AttributeValue.fromS(shipment.status().name())));
    }

    static Map<String, AttributeValue> toItem(Shipment shipment) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", AttributeValue.fromS(SHIPMENT + shipment.shipmentId()));
        item.put("shipmentId", AttributeValue.fromS(shipment.shipmentId()));
        item.put("orderId", AttributeValue.fromS(shipment.orderId()));
        item.put("userId", AttributeValue.fromS(shipment.userId()));
        item.put("carrier", AttributeValue.fromS(shipment.carrier()));
        item.put("trackingNumber", AttributeValue.fromS(shipment.trackingNumber()));
        item.put("status", AttributeValue.fromS(shipment.status().name()));
        item.put("events", AttributeValue.fromL(shipment.events().stream()
                .map(DynamoDbShipmentRepository::eventItem).toList()));
        item.put("version", DynamoDbOrderRepository.number(shipment.version()));
        item.put("createdAt", AttributeValue.fromS(shipment.createdAt().toString()));
        item.put("updatedAt", AttributeValue.fromS(shipment.updatedAt().toString()));
        return item;
    }

    private static AttributeValue eventItem(Shipment.Event event) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("status", AttributeValue.fromS(event.status().name()));
        m.put("at", AttributeValue.fromS(event.at().toString()));
        if (event.location() != null) {
            m.put("location", AttributeValue.fromS(event.location()));
        }
        return AttributeValue.fromM(m);
    }

    static Shipment toShipment(Map<String, AttributeValue> item) {
        List<Shipment.Event> events = new ArrayList<>();
        for (AttributeValue value : item.get("events").l()) {
            Map<String, AttributeValue> m = value.m();
            events.add(new Shipment.Event(ShipmentStatus.valueOf(m.get("status").s()),
                    m.containsKey("location") ? m.get("location").s() : null, Instant.parse(m.get("at").s())));
        }
        return new Shipment(item.get("shipmentId").s(), item.get("orderId").s(), item.get("userId").s(),
                item.get("carrier").s(), item.get("trackingNumber").s(), ShipmentStatus.valueOf(item.get("status").s()),
                events, Long.parseLong(item.get("version").n()), Instant.parse(item.get("createdAt").s()),
                Instant.parse(item.get("updatedAt").s()));
    }
}
