package dev.storefront.domain.order;

import dev.storefront.domain.Money;
import dev.storefront.domain.checkout.ShippingAddress;
import dev.storefront.domain.checkout.ShippingMethod;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An order: its lines and totals frozen at checkout ({@code total = subtotal + shipping + tax}), its status,
 * when its reservation of stock expires, and - once paid and fulfilled - summaries of its payment and shipment.
 *
 * @param payment null until the order is paid
 * @param shipment null until the order's shipment is created (the order moves to {@code FULFILLING})
 */
public record Order(String orderId, String userId, OrderStatus status, List<OrderLine> items, Money subtotal,
        Money shipping, Money tax, Money total, ShippingAddress shippingAddress, ShippingMethod shippingMethod,
        Instant createdAt, Instant updatedAt, Instant expiresAt, PaymentSummary payment, ShipmentSummary shipment) {

    /** An order without a shipment. */
    public Order(String orderId, String userId, OrderStatus status, List<OrderLine> items, Money subtotal,
            Money shipping, Money tax, Money total, ShippingAddress shippingAddress, ShippingMethod shippingMethod,
            Instant createdAt, Instant updatedAt, Instant expiresAt, PaymentSummary payment) {
        this(orderId, userId, status, items, subtotal, shipping, tax, total, shippingAddress, shippingMethod,
                createdAt, updatedAt, expiresAt, payment, null);
    }

    /** An order without a payment (as placed at checkout). */
    public Order(String orderId, String userId, OrderStatus status, List<OrderLine> items, Money subtotal,
            Money shipping, Money tax, Money total, ShippingAddress shippingAddress, ShippingMethod shippingMethod,
            Instant createdAt, Instant updatedAt, Instant expiresAt) {
        this(orderId, userId, status, items, subtotal, shipping, tax, total, shippingAddress, shippingMethod,
                createdAt, updatedAt, expiresAt, null, null);
    }

    /** What an order shows of its shipment; {@code status} is a {@code ShipmentStatus} name. */
    public record ShipmentSummary(String shipmentId, String carrier, String trackingNumber, String status) {
    }

    /** What an order shows of its payment. */
    public record PaymentSummary(String paymentId, String status, Money amount, Money refundedAmount) {
    }

    public Order {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(status, "status");
        items = List.copyOf(items);
        Objects.requireNonNull(shippingAddress, "shippingAddress");
        Objects.requireNonNull(shippingMethod, "shippingMethod");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (items.isEmpty()) {
            throw new IllegalArgumentException("an order has at least one line");
        }
        if (!subtotal.plus(shipping).plus(tax).equals(total)) {
            throw new IllegalArgumentException("total must be subtotal + shipping + tax");
        }
        Money sum = Money.zero(subtotal.currency());
        for (OrderLine line : items) {
            sum = sum.plus(line.lineTotal());
        }
        if (!sum.equals(subtotal)) {
            throw new IllegalArgumentException("subtotal must be the sum of the line totals");
        }
    }

    /**
     * The status as shoppers see it at {@code now}: an unpaid order past its reservation time is expired even
     * before the sweep has recorded it (its stock is returned by the sweep).
     */
    public OrderStatus statusAt(Instant now) {
        return status == OrderStatus.PENDING_PAYMENT && !now.isBefore(expiresAt) ? OrderStatus.EXPIRED : status;
    }

    public Order withStatus(OrderStatus next, Instant now) {
        return new Order(orderId, userId, next, items, subtotal, shipping, tax, total, shippingAddress, shippingMethod,
                createdAt, now, expiresAt, payment, shipment);
    }
}
