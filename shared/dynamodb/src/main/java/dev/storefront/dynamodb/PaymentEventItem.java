package dev.storefront.dynamodb;

import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * A handled provider webhook event in the payments table ({@code pk = EVENT#<eventId>}); {@code expiresAt}
 * (epoch seconds) is the table's TTL.
 */
final class PaymentEventItem {

    static final String PREFIX = "EVENT#";

    static final TableSchema<PaymentEventItem> SCHEMA = StaticTableSchema.builder(PaymentEventItem.class)
            .newItemSupplier(PaymentEventItem::new)
            .addAttribute(String.class, a -> a.name("pk").getter(PaymentEventItem::getPk)
                    .setter(PaymentEventItem::setPk)
                    .tags(StaticAttributeTags.primaryPartitionKey()))
            .addAttribute(Long.class, a -> a.name("expiresAt").getter(PaymentEventItem::getExpiresAt)
                    .setter(PaymentEventItem::setExpiresAt))
            .build();

    private String pk;
    private Long expiresAt;

    String getPk() {
        return pk;
    }

    void setPk(String pk) {
        this.pk = pk;
    }

    Long getExpiresAt() {
        return expiresAt;
    }

    void setExpiresAt(Long expiresAt) {
        this.expiresAt = expiresAt;
    }
}
