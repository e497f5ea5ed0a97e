package dev.storefront.domain.shipment;

import dev.storefront.domain.order.Order;
import dev.storefront.domain.order.OrderStatus;
import java.util.Optional;

/** Storage of shipments, each change written together with the order it belongs to. */
public interface ShipmentRepository {

    /**
     * Stores a new shipment and, in the same transaction, moves its order from {@code PAID} to
     * {@code FULFILLING} with the shipment's summary - on condition that the order is still {@code PAID} and the
     * tracking number is not taken. The order's status is the guard that makes creation happen once: a repeated
     * or concurrent delivery of the same order finds it {@code FULFILLING} and writes nothing.
     *
     * @return false (nothing written) when the order is no longer {@code PAID}
     * @throws TrackingNumberTakenException another shipment has the tracking number (nothing written)
     */
    boolean create(Order order, Shipment shipment);

    Optional<Shipment> find(String shipmentId);

    /** The order a shipment is (or will be) for, read consistently: shipping reads orders, never places them. */
    Optional<Order> findOrder(String orderId);

    /**
     * Stores {@code updated} (the shipment after one more event) on condition that the stored one is still at
     * {@code readVersion}, and in the same transaction sets the order's shipment summary - and its status to
     * {@code orderStatus} when that is not null - on condition that the order is still in {@code order.status()}.
     *
     * @throws ConcurrentChangeException the shipment or the order changed since they were read (nothing written)
     */
    void record(Shipment updated, long readVersion, Order order, OrderStatus orderStatus);

    /** The tracking number belongs to another shipment already. */
    final class TrackingNumberTakenException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public TrackingNumberTakenException(String trackingNumber) {
            super("tracking number taken: " + trackingNumber, null, false, false);
        }
    }

    /** The shipment or its order changed between reading and writing. */
    final class ConcurrentChangeException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public ConcurrentChangeException() {
            super("the shipment or its order changed concurrently", null, false, false);
        }
    }
}
