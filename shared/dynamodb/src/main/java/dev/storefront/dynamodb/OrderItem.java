package dev.storefront.dynamodb;

import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * Persistence shape of an order in the orders table ({@code orderId}). Amounts are integer minor units of
 * {@code currency}, instants ISO-8601 strings; {@code expiresAtEpoch} is the reservation's end in epoch seconds.
 * Only an unpaid order carries {@code pendingShard}, which puts it in the sparse {@code PendingByExpiry} index;
 * {@code payment} and {@code shipment} appear once the order has them.
 */
final class OrderItem {

    /** GSI: a shopper's orders ({@code userId}, {@code orderId}). */
    static final String BY_USER = "ByUser";
    /** Sparse GSI of unpaid orders ({@code pendingShard}, {@code expiresAtEpoch}), keys only. */
    static final String PENDING_BY_EXPIRY = "PendingByExpiry";

    private static final EnhancedType<List<Line>> LINES = EnhancedType.listOf(
            EnhancedType.documentOf(Line.class, Line.SCHEMA, d -> d.ignoreNulls(true)));
    private static final EnhancedType<Address> ADDRESS =
            EnhancedType.documentOf(Address.class, Address.SCHEMA, d -> d.ignoreNulls(true));
    private static final EnhancedType<PaymentSummary> PAYMENT =
            EnhancedType.documentOf(PaymentSummary.class, PaymentSummary.SCHEMA, d -> d.ignoreNulls(true));
    private static final EnhancedType<ShipmentSummary> SHIPMENT =
            EnhancedType.documentOf(ShipmentSummary.class, ShipmentSummary.SCHEMA, d -> d.ignoreNulls(true));

    static final TableSchema<OrderItem> SCHEMA = StaticTableSchema.builder(OrderItem.class)
            .newItemSupplier(OrderItem::new)
            .addAttribute(String.class, a -> a.name("orderId").getter(OrderItem::getOrderId)
                    .setter(OrderItem::setOrderId)
                    .tags(StaticAttributeTags.primaryPartitionKey(), StaticAttributeTags.secondarySortKey(BY_USER)))
            .addAttribute(String.class, a -> a.name("userId").getter(OrderItem::getUserId).setter(OrderItem::setUserId)
                    .tags(StaticAttributeTags.secondaryPartitionKey(BY_USER)))
            .addAttribute(String.class, a -> a.name("status").getter(OrderItem::getStatus).setter(OrderItem::setStatus))
            .addAttribute(LINES, a -> a.name("items").getter(OrderItem::getItems).setter(OrderItem::setItems))
            .addAttribute(String.class, a -> a.name("currency").getter(OrderItem::getCurrency)
                    .setter(OrderItem::setCurrency))
            .addAttribute(Long.class, a -> a.name("subtotal").getter(OrderItem::getSubtotal)
                    .setter(OrderItem::setSubtotal))
            .addAttribute(Long.class, a -> a.name("shipping").getter(OrderItem::getShipping)
                    .setter(OrderItem::setShipping))
            .addAttribute(Long.class, a -> a.name("tax").getter(OrderItem::getTax).setter(OrderItem::setTax))
            .addAttribute(Long.class, a -> a.name("total").getter(OrderItem::getTotal).setter(OrderItem::setTotal))
            .addAttribute(ADDRESS, a -> a.name("shippingAddress").getter(OrderItem::getShippingAddress)
                    .setter(OrderItem::setShippingAddress))
            .addAttribute(String.class, a -> a.name("shippingMethod").getter(OrderItem::getShippingMethod)
                    .setter(OrderItem::setShippingMethod))
            .addAttribute(String.class, a -> a.name("createdAt").getter(OrderItem::getCreatedAt)
                    .setter(OrderItem::setCreatedAt))
            .addAttribute(String.class, a -> a.name("updatedAt").getter(OrderItem::getUpdatedAt)
                    .setter(OrderItem::setUpdatedAt))
            .addAttribute(String.class, a -> a.name("expiresAt").getter(OrderItem::getExpiresAt)
                    .setter(OrderItem::setExpiresAt))
            .addAttribute(Long.class, a -> a.name("expiresAtEpoch").getter(OrderItem::getExpiresAtEpoch)
                    .setter(OrderItem::setExpiresAtEpoch)
                    .tags(StaticAttributeTags.secondarySortKey(PENDING_BY_EXPIRY)))
            .addAttribute(String.class, a -> a.name("pendingShard").getter(OrderItem::getPendingShard)
                    .setter(OrderItem::setPendingShard)
                    .tags(StaticAttributeTags.secondaryPartitionKey(PENDING_BY_EXPIRY)))
            .addAttribute(PAYMENT, a -> a.name("payment").getter(OrderItem::getPayment).setter(OrderItem::setPayment))
            .addAttribute(SHIPMENT, a -> a.name("shipment").getter(OrderItem::getShipment)
                    .setter(OrderItem::setShipment))
            .build();

    private String orderId;
    private String userId;
    private String status;
    private List<Line> items;
    private String currency;
    private Long subtotal;
    private Long shipping;
    private Long tax;
    private Long total;
    private Address shippingAddress;
    private String shippingMethod;
    private String createdAt;
    private String updatedAt;
    private String expiresAt;
    private Long expiresAtEpoch;
    private String pendingShard;
    private PaymentSummary payment;
    private ShipmentSummary shipment;

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

    List<Line> getItems() {
        return items;
    }

    void setItems(List<Line> items) {
        this.items = items;
    }

    String getCurrency() {
        return currency;
    }

    void setCurrency(String currency) {
        this.currency = currency;
    }

    Long getSubtotal() {
        return subtotal;
    }

    void setSubtotal(Long subtotal) {
        this.subtotal = subtotal;
    }

    Long getShipping() {
        return shipping;
    }

    void setShipping(Long shipping) {
        this.shipping = shipping;
    }

    Long getTax() {
        return tax;
    }

    void setTax(Long tax) {
        this.tax = tax;
    }

    Long getTotal() {
        return total;
    }

    void setTotal(Long total) {
        this.total = total;
    }

    Address getShippingAddress() {
        return shippingAddress;
    }

    void setShippingAddress(Address shippingAddress) {
        this.shippingAddress = shippingAddress;
    }

    String getShippingMethod() {
        return shippingMethod;
    }

    void setShippingMethod(String shippingMethod) {
        this.shippingMethod = shippingMethod;
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

    String getExpiresAt() {
        return expiresAt;
    }

    void setExpiresAt(String expiresAt) {
        this.expiresAt = expiresAt;
    }

    Long getExpiresAtEpoch() {
        return expiresAtEpoch;
    }

    void setExpiresAtEpoch(Long expiresAtEpoch) {
        this.expiresAtEpoch = expiresAtEpoch;
    }

    String getPendingShard() {
        return pendingShard;
    }

    void setPendingShard(String pendingShard) {
        this.pendingShard = pendingShard;
    }

    PaymentSummary getPayment() {
        return payment;
    }

    void setPayment(PaymentSummary payment) {
        this.payment = payment;
    }

    ShipmentSummary getShipment() {
        return shipment;
    }

    void setShipment(ShipmentSummary shipment) {
        this.shipment = shipment;
    }

    /** One line of the order ({@code items}). */
    static final class Line {

        static final TableSchema<Line> SCHEMA = StaticTableSchema.builder(Line.class)
                .newItemSupplier(Line::new)
                .addAttribute(String.class, a -> a.name("productId").getter(Line::getProductId)
                        .setter(Line::setProductId))
                .addAttribute(String.class, a -> a.name("sku").getter(Line::getSku).setter(Line::setSku))
                .addAttribute(String.class, a -> a.name("name").getter(Line::getName).setter(Line::setName))
                .addAttribute(Long.class, a -> a.name("unitPrice").getter(Line::getUnitPrice)
                        .setter(Line::setUnitPrice))
                .addAttribute(Integer.class, a -> a.name("quantity").getter(Line::getQuantity)
                        .setter(Line::setQuantity))
                .addAttribute(Long.class, a -> a.name("lineTotal").getter(Line::getLineTotal)
                        .setter(Line::setLineTotal))
                .build();

        private String productId;
        private String sku;
        private String name;
        private Long unitPrice;
        private Integer quantity;
        private Long lineTotal;

        String getProductId() {
            return productId;
        }

        void setProductId(String productId) {
            this.productId = productId;
        }

        String getSku() {
            return sku;
        }

        void setSku(String sku) {
            this.sku = sku;
        }

        String getName() {
            return name;
        }

        void setName(String name) {
            this.name = name;
        }

        Long getUnitPrice() {
            return unitPrice;
        }

        void setUnitPrice(Long unitPrice) {
            this.unitPrice = unitPrice;
        }

        Integer getQuantity() {
            return quantity;
        }

        void setQuantity(Integer quantity) {
            this.quantity = quantity;
        }

        Long getLineTotal() {
            return lineTotal;
        }

        void setLineTotal(Long lineTotal) {
            this.lineTotal = lineTotal;
        }
    }

    /** The shipping address ({@code shippingAddress}); {@code line2} and {@code region} only when given. */
    static final class Address {

        static final TableSchema<Address> SCHEMA = StaticTableSchema.builder(Address.class)
                .newItemSupplier(Address::new)
                .addAttribute(String.class, a -> a.name("name").getter(Address::getName).setter(Address::setName))
                .addAttribute(String.class, a -> a.name("line1").getter(Address::getLine1).setter(Address::setLine1))
                .addAttribute(String.class, a -> a.name("line2").getter(Address::getLine2).setter(Address::setLine2))
                .addAttribute(String.class, a -> a.name("city").getter(Address::getCity).setter(Address::setCity))
                .addAttribute(String.class, a -> a.name("region").getter(Address::getRegion).setter(Address::setRegion))
                .addAttribute(String.class, a -> a.name("postalCode").getter(Address::getPostalCode)
                        .setter(Address::setPostalCode))
                .addAttribute(String.class, a -> a.name("country").getter(Address::getCountry)
                        .setter(Address::setCountry))
                .build();

        private String name;
        private String line1;
        private String line2;
        private String city;
        private String region;
        private String postalCode;
        private String country;

        String getName() {
            return name;
        }

        void setName(String name) {
            this.name = name;
        }

        String getLine1() {
            return line1;
        }

        void setLine1(String line1) {
            this.line1 = line1;
        }

        String getLine2() {
            return line2;
        }

        void setLine2(String line2) {
            this.line2 = line2;
        }

        String getCity() {
            return city;
        }

        void setCity(String city) {
            this.city = city;
        }

        String getRegion() {
            return region;
        }

        void setRegion(String region) {
            this.region = region;
        }

        String getPostalCode() {
            return postalCode;
        }

        void setPostalCode(String postalCode) {
            this.postalCode = postalCode;
        }

        String getCountry() {
            return country;
        }

        void setCountry(String country) {
            this.country = country;
        }
    }

    /** What the order shows of its payment ({@code payment}). */
    static final class PaymentSummary {

        static final TableSchema<PaymentSummary> SCHEMA = StaticTableSchema.builder(PaymentSummary.class)
                .newItemSupplier(PaymentSummary::new)
                .addAttribute(String.class, a -> a.name("paymentId").getter(PaymentSummary::getPaymentId)
                        .setter(PaymentSummary::setPaymentId))
                .addAttribute(String.class, a -> a.name("status").getter(PaymentSummary::getStatus)
                        .setter(PaymentSummary::setStatus))
                .addAttribute(Long.class, a -> a.name("amount").getter(PaymentSummary::getAmount)
                        .setter(PaymentSummary::setAmount))
                .addAttribute(Long.class, a -> a.name("refundedAmount").getter(PaymentSummary::getRefundedAmount)
                        .setter(PaymentSummary::setRefundedAmount))
                .build();

        private String paymentId;
        private String status;
        private Long amount;
        private Long refundedAmount;

        String getPaymentId() {
            return paymentId;
        }

        void setPaymentId(String paymentId) {
            this.paymentId = paymentId;
        }

        String getStatus() {
            return status;
        }

        void setStatus(String status) {
            this.status = status;
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
    }

    /** What the order shows of its shipment ({@code shipment}). */
    static final class ShipmentSummary {

        static final TableSchema<ShipmentSummary> SCHEMA = StaticTableSchema.builder(ShipmentSummary.class)
                .newItemSupplier(ShipmentSummary::new)
                .addAttribute(String.class, a -> a.name("shipmentId").getter(ShipmentSummary::getShipmentId)
                        .setter(ShipmentSummary::setShipmentId))
                .addAttribute(String.class, a -> a.name("carrier").getter(ShipmentSummary::getCarrier)
                        .setter(ShipmentSummary::setCarrier))
                .addAttribute(String.class, a -> a.name("trackingNumber").getter(ShipmentSummary::getTrackingNumber)
                        .setter(ShipmentSummary::setTrackingNumber))
                .addAttribute(String.class, a -> a.name("status").getter(ShipmentSummary::getStatus)
                        .setter(ShipmentSummary::setStatus))
                .build();

        private String shipmentId;
        private String carrier;
        private String trackingNumber;
        private String status;

        String getShipmentId() {
            return shipmentId;
        }

        void setShipmentId(String shipmentId) {
            this.shipmentId = shipmentId;
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
    }
}
