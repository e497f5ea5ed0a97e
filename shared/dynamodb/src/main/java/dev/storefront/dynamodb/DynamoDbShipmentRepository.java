package dev.storefront.dynamodb;

import dev.storefront.domain.order.Order;
import dev.storefront.domain.order.OrderStatus;
import dev.storefront.domain.shipment.Shipment;
import dev.storefront.domain.shipment.ShipmentRepository;
import dev.storefront.domain.shipment.ShipmentStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactUpdateItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
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

    private static final Expression NOT_EXISTS = Expression.builder().expression("attribute_not_exists(pk)").build();

    private final DynamoDbEnhancedClient client;
    private final DynamoDbTable<ShipmentItem> shipments;
    private final DynamoDbTable<TrackingItem> trackingNumbers;
    private final DynamoDbTable<OrderItem> orders;

    public DynamoDbShipmentRepository(DynamoDbEnhancedClient client, String shipmentsTable, String ordersTable) {
        this.client = client;
        this.shipments = client.table(shipmentsTable, ShipmentItem.SCHEMA);
        this.trackingNumbers = client.table(shipmentsTable, TrackingItem.SCHEMA);
        this.orders = client.table(ordersTable, OrderItem.SCHEMA);
    }

    @Override
    public boolean create(Order order, Shipment shipment) {
        OrderItem fulfilling = new OrderItem();
        fulfilling.setOrderId(order.orderId());
        fulfilling.setStatus(OrderStatus.FULFILLING.name());
        fulfilling.setShipment(summary(shipment));
        fulfilling.setUpdatedAt(shipment.createdAt().toString());
        TransactWriteItemsEnhancedRequest writes = TransactWriteItemsEnhancedRequest.builder()
                .addUpdateItem(orders, TransactUpdateItemEnhancedRequest.builder(OrderItem.class).item(fulfilling)
                        .ignoreNulls(true)
                        .conditionExpression(Expression.builder().expression("#status = :paid")
                                .expressionNames(Map.of("#status", "status"))
                                .expressionValues(Map.of(":paid", AttributeValue.fromS(OrderStatus.PAID.name())))
                                .build())
                        .build())
                .addPutItem(shipments, TransactPutItemEnhancedRequest.builder(ShipmentItem.class)
                        .item(toItem(shipment)).conditionExpression(NOT_EXISTS).build())
                .addPutItem(trackingNumbers, TransactPutItemEnhancedRequest.builder(TrackingItem.class)
                        .item(TrackingItem.claim(shipment.trackingNumber(), shipment.shipmentId()))
                        .conditionExpression(NOT_EXISTS).build())
                .build();
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
        ShipmentItem item = shipments.getItem(GetItemEnhancedRequest.builder()
                .key(Key.builder().partitionValue(ShipmentItem.key(shipmentId)).build()).consistentRead(true).build());
        return Optional.ofNullable(item).map(DynamoDbShipmentRepository::toShipment);
    }

    @Override
    public Optional<Order> findOrder(String orderId) {
        if (!Keys.isStorable(orderId)) {
            return Optional.empty();
        }
        return Optional.ofNullable(DynamoDbOrderRepository.read(orders, orderId)).map(DynamoDbOrderRepository::toOrder);
    }

    /**
     * The shipment is written with its whole timeline and the order with its whole shipment summary, on condition
     * that the shipment is still at the version read and the order still shows this shipment: under those
     * conditions that is exactly an append of the new event and a change of the summary's status.
     */
    @Override
    public void record(Shipment updated, long readVersion, Order order, OrderStatus orderStatus) {
        if (orderStatus != null && !order.status().canMoveTo(orderStatus)) {
            throw new IllegalArgumentException(order.status() + " cannot move to " + orderStatus);
        }
        String now = updated.updatedAt().toString();
        ShipmentItem shipment = new ShipmentItem();
        shipment.setPk(ShipmentItem.key(updated.shipmentId()));
        shipment.setStatus(updated.status().name());
        shipment.setEvents(events(updated));
        shipment.setVersion(updated.version());
        shipment.setUpdatedAt(now);
        OrderItem summary = new OrderItem();
        summary.setOrderId(order.orderId());
        summary.setShipment(summary(updated));
        summary.setUpdatedAt(now);
        summary.setStatus(orderStatus == null ? null : orderStatus.name());
        TransactWriteItemsEnhancedRequest writes = TransactWriteItemsEnhancedRequest.builder()
                .addUpdateItem(shipments, TransactUpdateItemEnhancedRequest.builder(ShipmentItem.class).item(shipment)
                        .ignoreNulls(true)
                        .conditionExpression(Expression.builder().expression("version = :read")
                                .expressionValues(Map.of(":read", DynamoDbOrderRepository.number(readVersion)))
                                .build())
                        .build())
                .addUpdateItem(orders, TransactUpdateItemEnhancedRequest.builder(OrderItem.class).item(summary)
                        .ignoreNulls(true)
                        .conditionExpression(Expression.builder()
                                .expression("#status = :from AND shipment.shipmentId = :shipmentId")
                                .expressionNames(Map.of("#status", "status"))
                                .expressionValues(Map.of(":from", AttributeValue.fromS(order.status().name()),
                                        ":shipmentId", AttributeValue.fromS(updated.shipmentId())))
                                .build())
                        .build())
                .build();
        try {
            Transactions.write(client, writes);
        } catch (TransactionCanceledException e) {
            if (Transactions.conditionFailed(e, 0) || Transactions.conditionFailed(e, 1)) {
                throw new ConcurrentChangeException();
            }
            throw e;
        }
    }

    private static OrderItem.ShipmentSummary summary(Shipment shipment) {
        OrderItem.ShipmentSummary summary = new OrderItem.ShipmentSummary();
        summary.setShipmentId(shipment.shipmentId());
        summary.setCarrier(shipment.carrier());
        summary.setTrackingNumber(shipment.trackingNumber());
        summary.setStatus(shipment.status().name());
        return summary;
    }

    static ShipmentItem toItem(Shipment shipment) {
        ShipmentItem item = new ShipmentItem();
        item.setPk(ShipmentItem.key(shipment.shipmentId()));
        item.setShipmentId(shipment.shipmentId());
        item.setOrderId(shipment.orderId());
        item.setUserId(shipment.userId());
        item.setCarrier(shipment.carrier());
        item.setTrackingNumber(shipment.trackingNumber());
        item.setStatus(shipment.status().name());
        item.setEvents(events(shipment));
        item.setVersion(shipment.version());
        item.setCreatedAt(shipment.createdAt().toString());
        item.setUpdatedAt(shipment.updatedAt().toString());
        return item;
    }

    private static List<ShipmentItem.Event> events(Shipment shipment) {
        return shipment.events().stream().map(event -> {
            ShipmentItem.Event stored = new ShipmentItem.Event();
            stored.setStatus(event.status().name());
            stored.setAt(event.at().toString());
            stored.setLocation(event.location());
            return stored;
        }).toList();
    }

    static Shipment toShipment(ShipmentItem item) {
        return new Shipment(item.getShipmentId(), item.getOrderId(), item.getUserId(), item.getCarrier(),
                item.getTrackingNumber(), ShipmentStatus.valueOf(item.getStatus()),
                item.getEvents().stream().map(event -> new Shipment.Event(ShipmentStatus.valueOf(event.getStatus()),
                        event.getLocation(), Instant.parse(event.getAt()))).toList(),
                item.getVersion(), Instant.parse(item.getCreatedAt()), Instant.parse(item.getUpdatedAt()));
    }
}
