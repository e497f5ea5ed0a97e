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

    /**
     * Responses with a 5xx status, per function and version (dimensions {@code Service}, {@code Version}): a
     * release whose code answers 500 is a successful Lambda invocation, invisible to the {@code Errors} metric, so
     * the release alarms watch this one too. Written by {@code ApiHandler}, never for priming requests.
     */
    String HTTP_5XX = "Http5xx";

    /** Adds {@code value} (a count) to the metric {@code name}. */
    void count(String name, long value);
}
