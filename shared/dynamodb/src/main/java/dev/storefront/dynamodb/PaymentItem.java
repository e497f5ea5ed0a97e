package dev.storefront.dynamodb;

import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * Persistence shape of a payment in the payments table ({@code pk = PAYMENT#<paymentId>}); amounts are integer
 * minor units of {@code currency}.
 */
final class PaymentItem {

    static final String PREFIX = "PAYMENT#";

    static final TableSchema<PaymentItem> SCHEMA = StaticTableSchema.builder(PaymentItem.class)
            .newItemSupplier(PaymentItem::new)
            .addAttribute(String.class, a -> a.name("pk").getter(PaymentItem::getPk).setter(PaymentItem::setPk)
                    .tags(StaticAttributeTags.primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name("paymentId").getter(PaymentItem::getPaymentId)
                    .setter(PaymentItem::setPaymentId))
            .addAttribute(String.class, a -> a.name("orderId").getter(PaymentItem::getOrderId)
                    .setter(PaymentItem::setOrderId))
            .addAttribute(String.class, a -> a.name("userId").getter(PaymentItem::getUserId)
                    .setter(PaymentItem::setUserId))
            .addAttribute(String.class, a -> a.name("status").getter(PaymentItem::getStatus)
                    .setter(PaymentItem::setStatus))
            .addAttribute(String.class, a -> a.name("currency").getter(PaymentItem::getCurrency)
                    .setter(PaymentItem::setCurrency))
            .addAttribute(Long.class, a -> a.name("amount").getter(PaymentItem::getAmount)
                    .setter(PaymentItem::setAmount))
            .addAttribute(Long.class, a -> a.name("refundedAmount").getter(PaymentItem::getRefundedAmount)
                    .setter(PaymentItem::setRefundedAmount))
            .addAttribute(String.class, a -> a.name("provider").getter(PaymentItem::getProvider)
                    .setter(PaymentItem::setProvider))
            .addAttribute(String.class, a -> a.name("providerPaymentId").getter(PaymentItem::getProviderPaymentId)
                    .setter(PaymentItem::setProviderPaymentId))
            .addAttribute(String.class, a -> a.name("createdAt").getter(PaymentItem::getCreatedAt)
                    .setter(PaymentItem::setCreatedAt))
            .addAttribute(String.class, a -> a.name("updatedAt").getter(PaymentItem::getUpdatedAt)
                    .setter(PaymentItem::setUpdatedAt))
            .build();

    private String pk;
    private String paymentId;
    private String orderId;
    private String userId;
    private String status;
    private String currency;
    private Long amount;
    private Long refundedAmount;
    private String provider;
    private String providerPaymentId;
    private String createdAt;
    private String updatedAt;

    static String key(String paymentId) {
        return PREFIX + paymentId;
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

    String getStatus() {
        return status;
    }

    void setStatus(String status) {
        this.status = status;
    }

    String getCurrency() {
        return currency;
    }

    void setCurrency(String currency) {
        this.currency = currency;
    }

    Long getAmount() {
        return amount;
    }

    void setAmount(Long amount) {
        this.amount = amount;
    }

    Long getRefundedAmount() {
        return refundedAmount;
    }

    void setRefundedAmount(Long refundedAmount) {
        this.refundedAmount = refundedAmount;
    }

    String getProvider() {
        return provider;
    }

    void setProvider(String provider) {
        this.provider = provider;
    }

    String getProviderPaymentId() {
        return providerPaymentId;
    }

    void setProviderPaymentId(String providerPaymentId) {
        this.providerPaymentId = providerPaymentId;
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
}
