package dev.storefront.dynamodb;

import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * The payment slot of an order in the payments table ({@code pk = SLOT#<orderId>}): which payment attempt holds
 * it, in which {@code state}, its lease ({@code leaseUntil}, epoch millis) and a {@code version} every change
 * increments.
 */
final class PaymentSlotItem {

    static final String PREFIX = "SLOT#";

    static final TableSchema<PaymentSlotItem> SCHEMA = StaticTableSchema.builder(PaymentSlotItem.class)
            .newItemSupplier(PaymentSlotItem::new)
            .addAttribute(String.class, a -> a.name("pk").getter(PaymentSlotItem::getPk).setter(PaymentSlotItem::setPk)
                    .tags(StaticAttributeTags.primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name("paymentId").getter(PaymentSlotItem::getPaymentId)
                    .setter(PaymentSlotItem::setPaymentId))
            .addAttribute(String.class, a -> a.name("state").getter(PaymentSlotItem::getState)
                    .setter(PaymentSlotItem::setState))
            .addAttribute(Long.class, a -> a.name("leaseUntil").getter(PaymentSlotItem::getLeaseUntil)
                    .setter(PaymentSlotItem::setLeaseUntil))
            .addAttribute(Long.class, a -> a.name("version").getter(PaymentSlotItem::getVersion)
                    .setter(PaymentSlotItem::setVersion))
            .build();

    private String pk;
    private String paymentId;
    private String state;
    private Long leaseUntil;
    private Long version;

    static String key(String orderId) {
        return PREFIX + orderId;
    }

    String getPk() {
        return pk;
    }

    void setPk(String pk) {
        this.pk = pk;
    }

    String getPaymentId() {
        return paymentId;
    }

    void setPaymentId(String paymentId) {
        this.paymentId = paymentId;
    }

    String getState() {
        return state;
    }

    void setState(String state) {
        this.state = state;
    }

    Long getLeaseUntil() {
        return leaseUntil;
    }

    void setLeaseUntil(Long leaseUntil) {
        this.leaseUntil = leaseUntil;
    }

    Long getVersion() {
        return version;
    }

    void setVersion(Long version) {
        this.version = version;
    }
}
