package dev.storefront.domain.shipment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A parcel on its way to a shopper: one per paid order, with the carrier of the order's shipping method and
 * zone, a tracking number, its status and the timeline of every status it went through (oldest first).
 *
 * @param version bumped by every recorded event; each change is conditional on the version it was read at
 */
public record Shipment(String shipmentId, String orderId, String userId, String carrier, String trackingNumber,
        ShipmentStatus status, List<Event> events, long version, Instant createdAt, Instant updatedAt) {

    /** One step of the timeline; {@code location} is null when the carrier gave none. */
    public record Event(ShipmentStatus status, String location, Instant at) {
        public Event {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(at, "at");
        }
    }

    public Shipment {
        Objects.requireNonNull(shipmentId, "shipmentId");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(carrier, "carrier");
        Objects.requireNonNull(trackingNumber, "trackingNumber");
        Objects.requireNonNull(status, "status");
        events = List.copyOf(events);
        if (events.isEmpty() || events.get(events.size() - 1).status() != status) {
            throw new IllegalArgumentException("the last event of the timeline is the shipment's status");
        }
    }

    /** A new shipment: label created now. */
    public static Shipment labelCreated(String shipmentId, String orderId, String userId, String carrier,
            String trackingNumber, Instant now) {
        return new Shipment(shipmentId, orderId, userId, carrier, trackingNumber, ShipmentStatus.LABEL_CREATED,
                List.of(new Event(ShipmentStatus.LABEL_CREATED, null, now)), 1, now, now);
    }

    /** This shipment after {@code event}; the caller has checked the transition. */
    public Shipment with(Event event) {
        List<Event> timeline = new ArrayList<>(events);
        timeline.add(event);
        return new Shipment(shipmentId, orderId, userId, carrier, trackingNumber, event.status(), timeline,
                version + 1, createdAt, event.at());
    }
}
