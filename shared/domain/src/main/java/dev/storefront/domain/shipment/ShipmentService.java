package dev.storefront.domain.shipment;

import dev.storefront.domain.IdGenerator;
import dev.storefront.domain.checkout.ShippingMethod;
import dev.storefront.domain.checkout.ShippingRates;
import dev.storefront.domain.error.ConflictException;
import dev.storefront.domain.error.NotFoundException;
import dev.storefront.domain.order.Order;
import dev.storefront.domain.order.OrderStatus;
import java.time.Clock;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Shipments: one is created for every paid order (the order moves to {@code FULFILLING}), and the carrier's
 * scans, recorded by an admin, move it along {@link ShipmentStatus} and the order to {@code SHIPPED} and
 * {@code DELIVERED}.
 *
 * <p>Every change is one conditional transaction over the shipment and its order (see
 * {@link ShipmentRepository}): a repeated stream delivery creates nothing, two admins recording scans at once
 * cannot both win against the same version, and a shopper cancelling a {@code FULFILLING} order and an admin
 * shipping it cannot both succeed.
 */
public final class ShipmentService {

    /** New tracking numbers tried when one is taken (about one in a billion per try). */
    static final int TRACKING_ATTEMPTS = 5;
    /** Re-reads after losing a race with another change of the same shipment or order. */
    static final int RECORD_ATTEMPTS = 5;

    private final ShipmentRepository shipments;
    private final ShippingRates rates;
    private final TrackingNumbers trackingNumbers;
    private final IdGenerator ids;
    private final Clock clock;

    public ShipmentService(ShipmentRepository shipments, ShippingRates rates, TrackingNumbers trackingNumbers,
            IdGenerator ids, Clock clock) {
        this.shipments = shipments;
        this.rates = rates;
        this.trackingNumbers = trackingNumbers;
        this.ids = ids;
        this.clock = clock;
    }

    /** What {@link #createFor} did. */
    public enum Outcome {
        /** The shipment was created and the order moved to {@code FULFILLING}. */
        CREATED,
        /** The order is past {@code PAID} (its shipment exists already) or was cancelled: nothing to do. */
        NOT_PAID,
        /** No such order. */
        UNKNOWN_ORDER
    }

    /**
     * Creates the shipment of a paid order: the carrier of its shipping method and destination, a new tracking
     * number, {@code LABEL_CREATED}; the order moves to {@code FULFILLING}. Safe to call any number of times,
     * concurrently too: one shipment per order.
     */
    public Outcome createFor(String orderId) {
        Optional<Order> found = shipments.findOrder(orderId);
        if (found.isEmpty()) {
            return Outcome.UNKNOWN_ORDER;
        }
        Order order = found.get();
        if (order.status() != OrderStatus.PAID) {
            return Outcome.NOT_PAID;
        }
        String carrier = rates.carrier(order.shippingMethod(), order.shippingAddress().country());
        for (int attempt = 1; attempt <= TRACKING_ATTEMPTS; attempt++) {
            Shipment shipment = Shipment.labelCreated(ids.next(), order.orderId(), order.userId(), carrier,
                    trackingNumbers.next(carrier, order.shippingMethod() == ShippingMethod.EXPRESS), clock.instant());
            try {
                return shipments.create(order, shipment) ? Outcome.CREATED : Outcome.NOT_PAID;
            } catch (ShipmentRepository.TrackingNumberTakenException e) {
                // another shipment drew the same number: draw again
            }
        }
        throw new IllegalStateException(TRACKING_ATTEMPTS + " tracking numbers in a row were taken");
    }

    /**
     * The shipment of an order, for its owner (or an admin). An order of another shopper, and an order with no
     * shipment yet, are "not found" alike.
     */
    public Shipment forOrder(String userId, boolean admin, String orderId) {
        Order order = shipments.findOrder(orderId).filter(o -> admin || o.userId().equals(userId))
                .orElseThrow(ShipmentService::noShipment);
        if (order.shipment() == null) {
            throw noShipment();
        }
        return shipments.find(order.shipment().shipmentId()).orElseThrow(ShipmentService::noShipment);
    }

    /**
     * Records a carrier scan: the shipment moves to {@code status} (with the optional {@code location}) if the
     * state machine allows it, and its order moves with it.
     *
     * @throws NotFoundException no such shipment
     * @throws ConflictException the transition is not allowed, or the order was cancelled
     */
    public Shipment record(String shipmentId, ShipmentStatus status, String location) {
        for (int attempt = 1; attempt <= RECORD_ATTEMPTS; attempt++) {
            Shipment shipment = shipments.find(shipmentId).orElseThrow(() -> new NotFoundException(
                    "shipment-not-found", "No such shipment."));
            if (!shipment.status().canMoveTo(status)) {
                throw new ConflictException("transition-not-allowed", "A shipment in " + shipment.status()
                        + " cannot move to " + status + (shipment.status().next().isEmpty() ? "; it is final."
                                : "; allowed: " + shipment.status().next().stream().map(Enum::name)
                                        .collect(Collectors.joining(", ")) + "."));
            }
            Order order = shipments.findOrder(shipment.orderId()).orElseThrow(() -> new IllegalStateException(
                    "shipment " + shipmentId + " has no order"));
            if (order.status() != OrderStatus.FULFILLING && order.status() != OrderStatus.SHIPPED) {
                throw new ConflictException("order-not-shippable", "The shipment's order is " + order.status()
                        + "; its shipment cannot move any more.");
            }
            Shipment updated = shipment.with(new Shipment.Event(status, location, clock.instant()));
            try {
                shipments.record(updated, shipment.version(), order, status.orderStatusFrom(order.status()).orElse(null));
                return updated;
            } catch (ShipmentRepository.ConcurrentChangeException e) {
                // read again: the transition may no longer be allowed
            }
        }
        throw new ConflictException("shipment-busy", "The shipment is being changed by another request; try again.");
    }

    private static NotFoundException noShipment() {
        return new NotFoundException("shipment-not-found", "No shipment for this order.");
    }
}
