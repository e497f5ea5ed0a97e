package dev.storefront.functions.shipping;

import dev.storefront.domain.shipment.Shipment;
import java.util.List;

/** The contract's {@code Shipment}: {@code {shipmentId, orderId, carrier, trackingNumber, status, events}}. */
record ShipmentResponse(String shipmentId, String orderId, String carrier, String trackingNumber, String status,
        List<Event> events) {

    /** One step of the timeline; {@code location} is null when the carrier gave none. */
    record Event(String status, String location, String at) {
    }

    static ShipmentResponse of(Shipment shipment) {
        return new ShipmentResponse(shipment.shipmentId(), shipment.orderId(), shipment.carrier(),
                shipment.trackingNumber(), shipment.status().name(), shipment.events().stream()
                        .map(e -> new Event(e.status().name(), e.location(), e.at().toString())).toList());
    }
}
