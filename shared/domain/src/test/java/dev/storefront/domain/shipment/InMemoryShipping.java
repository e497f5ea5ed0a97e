package dev.storefront.domain.shipment;

import dev.storefront.domain.order.Order;
import dev.storefront.domain.order.OrderRepository;
import dev.storefront.domain.order.OrderStatus;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * In-memory fake of the orders and shipments tables as the shipping function sees them, with the conditions of
 * {@code DynamoDbShipmentRepository}'s transactions, all or nothing: create needs the order still {@code PAID}
 * and a free tracking number; record needs the shipment still at the version read and the order still in the
 * status read. Only the order operations shipping uses exist.
 */
final class InMemoryShipping implements ShipmentRepository {

    private final Map<String, Order> orders = new HashMap<>();
    private final Map<String, Shipment> shipments = new HashMap<>();
    private final Set<String> trackingNumbers = new HashSet<>();

    synchronized void put(Order order) {
        orders.put(order.orderId(), order);
    }

    synchronized void claimTrackingNumber(String number) {
        trackingNumbers.add(number);
    }

    synchronized List<Shipment> shipmentsOf(String orderId) {
        return shipments.values().stream().filter(s -> s.orderId().equals(orderId)).toList();
    }

    @Override
    public synchronized boolean create(Order order, Shipment shipment) {
        Order stored = orders.get(order.orderId());
        if (stored == null || stored.status() != OrderStatus.PAID) {
            return false;
        }
        if (trackingNumbers.contains(shipment.trackingNumber())) {
            throw new TrackingNumberTakenException(shipment.trackingNumber());
        }
        trackingNumbers.add(shipment.trackingNumber());
        shipments.put(shipment.shipmentId(), shipment);
        orders.put(order.orderId(), withShipment(stored.withStatus(OrderStatus.FULFILLING, shipment.createdAt()),
                shipment));
        return true;
    }

    @Override
    public synchronized Optional<Shipment> find(String shipmentId) {
        return Optional.ofNullable(shipments.get(shipmentId));
    }

    @Override
    public synchronized void record(Shipment updated, long readVersion, Order order, OrderStatus orderStatus) {
        Shipment stored = shipments.get(updated.shipmentId());
        Order storedOrder = orders.get(order.orderId());
        if (stored == null || stored.version() != readVersion || storedOrder == null
                || storedOrder.status() != order.status()) {
            throw new ConcurrentChangeException();
        }
        shipments.put(updated.shipmentId(), updated);
        Order next = orderStatus == null ? storedOrder : storedOrder.withStatus(orderStatus, updated.updatedAt());
        orders.put(order.orderId(), withShipment(next, updated));
    }

    private static Order withShipment(Order o, Shipment s) {
        return new Order(o.orderId(), o.userId(), o.status(), o.items(), o.subtotal(), o.shipping(), o.tax(),
                o.total(), o.shippingAddress(), o.shippingMethod(), o.createdAt(), o.updatedAt(), o.expiresAt(),
                o.payment(), new Order.ShipmentSummary(s.shipmentId(), s.carrier(), s.trackingNumber(),
                        s.status().name()));
    }

    @Override
    public synchronized Optional<Order> findOrder(String orderId) {
        return Optional.ofNullable(orders.get(orderId));
    }

    /** The orders table of the same store (the shopper's side: cancelling). */
    OrderRepository orders() {
        return orderView;
    }

    private final OrderRepository orderView = new OrderRepository() {
        @Override
        public Optional<Order> find(String orderId) {
            synchronized (InMemoryShipping.this) {
                return Optional.ofNullable(orders.get(orderId));
            }
        }

        @Override
        public void place(Order order, long cartVersion) {
            throw new UnsupportedOperationException("shipping never places orders");
        }

        @Override
        public OrderPage listByUser(String userId, int limit, String after) {
            throw new UnsupportedOperationException("shipping never lists orders");
        }

        @Override
        public Order transition(Order order, OrderStatus target, Instant now, boolean returnStock,
                Reservation reservation) {
            // the shopper's cancel, as checkout does it: conditional on the stored status
            synchronized (InMemoryShipping.this) {
                Order stored = orders.get(order.orderId());
                if (stored == null || stored.status() != order.status() || !order.status().canMoveTo(target)) {
                    throw new StatusChangedException();
                }
                orders.put(order.orderId(), stored.withStatus(target, now));
                return stored.withStatus(target, now);
            }
        }

        @Override
        public List<String> findExpired(Instant now, int limit) {
            throw new UnsupportedOperationException("shipping never expires orders");
        }
    };
}
