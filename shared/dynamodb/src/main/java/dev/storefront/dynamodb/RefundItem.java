package dev.storefront.dynamodb;

import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/** A refund in the payments table ({@code pk = REFUND#<refundId>}); {@code reason} only when given. */
final class RefundItem {

    static final String PREFIX = "REFUND#";

    static final TableSchema<RefundItem> SCHEMA = StaticTableSchema.builder(RefundItem.class)
            .newItemSupplier(RefundItem::new)
            .addAttribute(String.class, a -> a.name("pk").getter(RefundItem::getPk).setter(RefundItem::setPk)
                    .tags(StaticAttributeTags.primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name("refundId").getter(RefundItem::getRefundId)
                    .setter(RefundItem::setRefundId))
            .addAttribute(String.class, a -> a.name("paymentId").getter(RefundItem::getPaymentId)
                    .setter(RefundItem::setPaymentId))
            .addAttribute(Long.class, a -> a.name("amount").getter(RefundItem::getAmount).setter(RefundItem::setAmount))
            .addAttribute(String.class, a -> a.name("currency").getter(RefundItem::getCurrency)
                    .setter(RefundItem::setCurrency))
            .addAttribute(String.class, a -> a.name("reason").getter(RefundItem::getReason)
                    .setter(RefundItem::setReason))
            .addAttribute(String.class, a -> a.name("createdAt").getter(RefundItem::getCreatedAt)
                    .setter(RefundItem::setCreatedAt))
            .build();

    private String pk;
    private String refundId;
    private String paymentId;
    private Long amount;
    private String currency;
    private String reason;
    private String createdAt;

    String getPk() {
        return pk;
    }

    void setPk(String pk) {
        this.pk = pk;
    }

    String getRefundId() {
        return refundId;
    }

    void setRefundId(String refundId) {
        this.refundId = refundId;
    }

    String getPaymentId() {
        return paymentId;
    }

    void setPaymentId(String paymentId) {
        this.paymentId = paymentId;
    }

    Long getAmount() {
        return amount;
    }

    void setAmount(Long amount) {
        this.amount = amount;
    }

    String getCurrency() {
        return currency;
    }

    void setCurrency(String currency) {
        this.currency = currency;
    }

    String getReason() {
        return reason;
    }

    void setReason(String reason) {
        this.reason = reason;
    }

    String getCreatedAt() {
        return createdAt;
    }

    void setCreatedAt(String createdAt) {
        this.createdAt = createdAt;
    }
}
