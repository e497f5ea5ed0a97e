package dev.storefront.dynamodb;

import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * The first outcome of an idempotency key of {@link SimulatedPaymentProvider} in the payments table
 * ({@code pk = SIM#<key>}): a {@code charge} ({@code orderId}, and {@code providerPaymentId} or
 * {@code declineCode}) or a {@code refund} (of {@code charge}, as {@code refundId}).
 */
final class SimulatedOutcomeItem {

    static final String PREFIX = "SIM#";

    static final TableSchema<SimulatedOutcomeItem> SCHEMA = StaticTableSchema.builder(SimulatedOutcomeItem.class)
            .newItemSupplier(SimulatedOutcomeItem::new)
            .addAttribute(String.class, a -> a.name("pk").getter(SimulatedOutcomeItem::getPk)
                    .setter(SimulatedOutcomeItem::setPk)
                    .tags(StaticAttributeTags.primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name("kind").getter(SimulatedOutcomeItem::getKind)
                    .setter(SimulatedOutcomeItem::setKind))
            .addAttribute(Long.class, a -> a.name("amount").getter(SimulatedOutcomeItem::getAmount)
                    .setter(SimulatedOutcomeItem::setAmount))
            .addAttribute(String.class, a -> a.name("currency").getter(SimulatedOutcomeItem::getCurrency)
                    .setter(SimulatedOutcomeItem::setCurrency))
            .addAttribute(String.class, a -> a.name("orderId").getter(SimulatedOutcomeItem::getOrderId)
                    .setter(SimulatedOutcomeItem::setOrderId))
            .addAttribute(String.class, a -> a.name("providerPaymentId")
                    .getter(SimulatedOutcomeItem::getProviderPaymentId)
                    .setter(SimulatedOutcomeItem::setProviderPaymentId))
            .addAttribute(String.class, a -> a.name("declineCode").getter(SimulatedOutcomeItem::getDeclineCode)
                    .setter(SimulatedOutcomeItem::setDeclineCode))
            .addAttribute(String.class, a -> a.name("charge").getter(SimulatedOutcomeItem::getCharge)
                    .setter(SimulatedOutcomeItem::setCharge))
            .addAttribute(String.class, a -> a.name("refundId").getter(SimulatedOutcomeItem::getRefundId)
                    .setter(SimulatedOutcomeItem::setRefundId))
            .build();

    private String pk;
    private String kind;
    private Long amount;
    private String currency;
    private String orderId;
    private String providerPaymentId;
    private String declineCode;
    private String charge;
    private String refundId;

    String getPk() {
        return pk;
    }

    void setPk(String pk) {
        this.pk = pk;
    }

    String getKind() {
        return kind;
    }

    void setKind(String kind) {
        this.kind = kind;
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

    String getOrderId() {
        return orderId;
    }

    void setOrderId(String orderId) {
        this.orderId = orderId;
    }

    String getProviderPaymentId() {
        return providerPaymentId;
    }

    void setProviderPaymentId(String providerPaymentId) {
        this.providerPaymentId = providerPaymentId;
    }

    String getDeclineCode() {
        return declineCode;
    }

    void setDeclineCode(String declineCode) {
        this.declineCode = declineCode;
    }

    String getCharge() {
        return charge;
    }

    void setCharge(String charge) {
        this.charge = charge;
    }

    String getRefundId() {
        return refundId;
    }

    void setRefundId(String refundId) {
        this.refundId = refundId;
    }
}
