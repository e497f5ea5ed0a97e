package dev.storefront.dynamodb;

import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/** Claim of a tracking number in the shipments table ({@code pk = TRACKING#<number>}). */
final class TrackingItem {

    static final String PREFIX = "TRACKING#";

    static final TableSchema<TrackingItem> SCHEMA = StaticTableSchema.builder(TrackingItem.class)
            .newItemSupplier(TrackingItem::new)
            .addAttribute(String.class, a -> a.name("pk").getter(TrackingItem::getPk).setter(TrackingItem::setPk)
                    .tags(StaticAttributeTags.primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name("shipmentId").getter(TrackingItem::getShipmentId)
                    .setter(TrackingItem::setShipmentId))
            .build();

    private String pk;
    private String shipmentId;

    static TrackingItem claim(String trackingNumber, String shipmentId) {
        TrackingItem item = new TrackingItem();
        item.setPk(PREFIX + trackingNumber);
        item.setShipmentId(shipmentId);
        return item;
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
}
