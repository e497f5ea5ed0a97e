package dev.storefront.domain.order;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Storage of orders and the stock movements that go with them, each change in one transaction. */
public interface OrderRepository {

    /**
     * Places an order in one transaction: every line's stock is decremented on condition that enough is
     * available (and the product is active), the order is stored (new id), and the shopper's cart is deleted
     * on condition that it is still at {@code cartVersion}. All or nothing.
     *
     * @throws OutOfStockException naming the lines that were short (nothing written)
     * @throws dev.storefront.domain.cart.CartRepository.CartChangedException the cart changed since it was read
     */
    void place(Order order, long cartVersion);

    Optional<Order> find(String orderId);

    /**
     * One page of a shopper's orders, newest first.
     *
     * @param after the last order id of the previous page, or null for the first page
     */
    OrderPage listByUser(String userId, int limit, String after);

    /**
     * Moves an order from its current status ({@code order.status()}) to {@code target}, on condition that the
     * stored status is still {@code order.status()} and that its reservation is in the required state at
     * {@code now}. With {@code returnStock}, every line's units go back to stock in the same transaction.
     *
     * @throws StatusChangedException the stored order is no longer in {@code order.status()}, or its
     *     reservation is not in the required state
     */
    Order transition(Order order, OrderStatus target, Instant now, boolean returnStock, Reservation reservation);

    /** What a transition requires of the order's reservation time. */
    enum Reservation {
        /** No requirement. */
        ANY,
        /** Expired at {@code now} (the expiry sweep). */
        EXPIRED,
        /** Not yet expired at {@code now} (paying, cancelling an unpaid order): never both paid and expired. */
        UNEXPIRED
    }

    /** Ids of unpaid orders whose reservation expired at {@code now}, at most {@code limit}. */
    List<String> findExpired(Instant now, int limit);

    /** A page of orders. */
    record OrderPage(List<Order> orders, String lastOrderId) {
    }

    /** Lines whose product had fewer units than ordered (or is no longer for sale). */
    final class OutOfStockException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient List<String> productIds;

        public OutOfStockException(List<String> productIds) {
            super("out of stock: " + productIds, null, false, false);
            this.productIds = List.copyOf(productIds);
        }

        public List<String> productIds() {
            return productIds;
        }
    }

    /** The order's stored status is not the one the transition started from. */
    final class StatusChangedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public StatusChangedException() {
            super("the order's status changed concurrently", null, false, false);
        }
    }
}
