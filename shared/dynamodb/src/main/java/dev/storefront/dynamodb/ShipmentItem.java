package dev.storefront.dynamodb;

import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * Persistence shape of a shipment in the shipments table ({@code pk = SHIPMENT#<shipmentId>}): its timeline
 * ({@code events}, oldest first) and the {@code version} every change increments.
 */
final class ShipmentItem {

    static final String PREFIX = "SHIPMENT#";

    private static final EnhancedType<List<Event>> EVENTS = EnhancedType.listOf(
            EnhancedType.documentOf(Event.class, Event.SCHEMA, d -> d.ignoreNulls(true)));

    static final TableSchema<ShipmentItem> SCHEMA = StaticTableSchema.builder(ShipmentItem.class)
            .newItemSupplier(ShipmentItem::new)
            .addAttribute(String.class, a -> a.name("pk").getter(ShipmentItem::getPk).setter(ShipmentItem::setPk)
                    .tags(StaticAttributeTags.primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name("shipmentId").getter(ShipmentItem::getShipmentId)
                    .setter(ShipmentItem::setShipmentId))
            .addAttribute(String.class, a -> a.name("orderId").getter(ShipmentItem::getOrderId)
                    .setter(ShipmentItem::setOrderId))
            .addAttribute(String.class, a -> a.name("userId").getter(ShipmentItem::getUserId)
                    .setter(ShipmentItem::setUserId))
            .addAttribute(String.class, a -> a.name("carrier").getter(ShipmentItem::getCarrier)
                    .setter(ShipmentItem::setCarrier))
            .addAttribute(String.class, a -> a.name("trackingNumber").getter(ShipmentItem::getTrackingNumber)
                    .setter(ShipmentItem::setTrackingNumber))
            .addAttribute(String.class, a -> a.name("status").getter(ShipmentItem::getStatus)
                    .setter(ShipmentItem::setStatus))
            .addAttribute(EVENTS, a -> a.name("events").getter(ShipmentItem::getEvents).setter(ShipmentItem::setEvents))
            .addAttribute(Long.class, a -> a.name("version").getter(ShipmentItem::getVersion)
                    .setter(ShipmentItem::setVersion))
            .addAttribute(String.class, a -> a.name("createdAt").getter(ShipmentItem::getCreatedAt)
                    .setter(ShipmentItem::setCreatedAt))
            .addAttribute(String.class, a -> a.name("updatedAt").getter(ShipmentItem::getUpdatedAt)
                    .setter(ShipmentItem::setUpdatedAt))
            .build();

    private String pk;
    private String shipmentId;
    private String orderId;
    private String userId;
    private String carrier;
    private String trackingNumber;
    private String status;
    private List<Event> events;
    private Long version;
    private String createdAt;
    private String updatedAt;

    static String key(String shipmentId) {
        return PREFIX + shipmentId;
    }

    String getPk() {
        return pk;
    }

    void setPk(String pk) {
        this.pk = pk;
    }

    String getShipmentId() {
        return shipmentId;
    }

    void setShipmentId(String shipmentId) {
        this.shipmentId = shipmentId;
    }

    String getOrderId() {
        return orderId;
    }

    void setOrderId(String orderId) {
        this.orderId = orderId;
    }

    String getUserId() {
        return userId;
    }

    void setUserId(String userId) {
        this.userId = userId;
    }

    String getCarrier() {
        return carrier;
    }

    void setCarrier(String carrier) {
        this.carrier = carrier;
    }

    String getTrackingNumber() {
        return trackingNumber;
    }

    void setTrackingNumber(String trackingNumber) {
        this.trackingNumber = trackingNumber;
    }

    String getStatus() {
        return status;
    }

    void setStatus(String status) {
        this.status = status;
    }

    List<Event> getEvents() {
        return events;
    }

    void setEvents(List<Event> events) {
        this.events = events;
    }

    Long getVersion() {
        return version;
    }

    void setVersion(Long version) {
        this.version = version;
    }

    String getCreatedAt() {
        return createdAt;
    }

    void setCreatedAt(String createdAt) {
        this.createdAt = createdAt;
    }

    String getUpdatedAt() {
        return updatedAt;
    }

    void setUpdatedAt(String updatedAt) {
        this.updatedAt = updatedAt;
    }

    /** One step of the timeline ({@code events}); {@code location} only when known. */
    static final class Event {

        static final TableSchema<Event> SCHEMA = StaticTableSchema.builder(Event.class)
                .newItemSupplier(Event::new)
                .addAttribute(String.class, a -> a.name("status").getter(Event::getStatus).setter(Event::setStatus))
                .addAttribute(String.class, a -> a.name("at").getter(Event::getAt).setter(Event::setAt))
                .addAttribute(String.class, a -> a.name("location").getter(Event::getLocation)
                        .setter(Event::setLocation))
                .build();

        private String status;
        private String at;
        private String location;

        String getStatus() {
            return status;
        }

        void setStatus(String status) {
            this.status = status;
        }

        String getAt() {
            return at;
        }

        void setAt(String at) {
            this.at = at;
        }

        String getLocation() {
            return location;
        }

        void setLocation(String location) {
            this.location = location;
        }
    }
}
