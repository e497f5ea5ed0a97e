package dev.storefront.functions.checkout;

import dev.storefront.domain.checkout.ShippingAddress;
import dev.storefront.domain.order.Order;
import java.time.Instant;
import java.util.List;

/**
 * The contract's {@code Order}. The status is the one shoppers see now: an unpaid order past its reservation
 * time is {@code EXPIRED} even before the sweep records it. {@code payment} and {@code shipment} are null until
 * the order is paid and its shipment is created.
 */
record OrderResponse(String orderId, String status, List<Line> items, Prices subtotal, Prices shipping, Prices tax,
        Prices total, ShippingAddress shippingAddress, String shippingMethod, Payment payment, Shipment shipment,
        String createdAt, String updatedAt, String expiresAt) {

    /** The contract's payment summary of an order. */
    record Payment(String paymentId, String status, Prices amount, Prices refundedAmount) {
    }

    /** The contract's shipment summary of an order. */
    record Shipment(String shipmentId, String carrier, String trackingNumber, String status) {
    }

    record Line(String productId, String sku, String name, Prices unitPrice, int quantity, Prices lineTotal) {
    }

    static OrderResponse of(Order order, Instant now) {
        return new OrderResponse(order.orderId(), order.statusAt(now).name(), order.items().stream()
                .map(l -> new Line(l.productId(), l.sku(), l.name(), Prices.of(l.unitPrice()), l.quantity(),
                        Prices.of(l.lineTotal()))).toList(),
                Prices.of(order.subtotal()), Prices.of(order.shipping()), Prices.of(order.tax()), Prices.of(order.total()),
                order.shippingAddress(), order.shippingMethod().wireName(), order.payment() == null ? null
                        : new Payment(order.payment().paymentId(), order.payment().status(),
                                Prices.of(order.payment().amount()), Prices.of(order.payment().refundedAmount())),
                order.shipment() == null ? null : new Shipment(order.shipment().shipmentId(),
                        order.shipment().carrier(), order.shipment().trackingNumber(), order.shipment().status()),
                order.createdAt().toString(),
                order.updatedAt().toString(), order.expiresAt().toString());
    }
}
