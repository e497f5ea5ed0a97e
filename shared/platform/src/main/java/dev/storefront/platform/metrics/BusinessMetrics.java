package dev.storefront.platform.metrics;

/**
 * Counts of what the storefront does for its shoppers, published as CloudWatch metrics in the {@value #NAMESPACE}
 * namespace with the dimension {@code Service} (the function's name). The names are the contract of the
 * dashboard and alarms in template.yaml.
 */
public interface BusinessMetrics {

    String NAMESPACE = "Storefront";

    String ORDERS_PLACED = "OrdersPlaced";
    String PAYMENTS_CAPTURED = "PaymentsCaptured";
    String PAYMENTS_DECLINED = "PaymentsDeclined";
    String CHECKOUT_OUT_OF_STOCK = "CheckoutOutOfStock";
    String RESERVATIONS_EXPIRED = "ReservationsExpired";
    String SHIPMENTS_CREATED = "ShipmentsCreated";

    /** Adds {@code value} (a count) to the metric {@code name}. */
    void count(String name, long value);
}
