package dev.storefront.domain.order;

import dev.storefront.domain.cart.CartRepository;
import dev.storefront.domain.cart.InMemoryCarts;
import dev.storefront.domain.catalog.Product;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * In-memory fake of {@link OrderRepository} over the fakes of the catalog and the carts, enforcing the conditions
 * of {@code DynamoDbOrderRepository}'s transactions, all or nothing:
 *
 * <ul>
 *   <li>place: every line's product exists, is active and has at least the quantity (each short line is
 *       reported), then the cart is still at the version read, then the order id is new;</li>
 *   <li>transition: the contract allows the move, the stored status is still the order's, and the reservation
 *       is in the required state, compared in whole epoch seconds as the adapter's {@code expiresAtEpoch};</li>
 *   <li>findExpired: only unpaid orders are in the (sparse) index.</li>
 * </ul>
 */
final class InMemoryOrders implements OrderRepository {

    private final InMemoryCarts.Catalog catalog;
    private final InMemoryCarts.Carts carts;
    private final Map<String, Order> byId = new LinkedHashMap<>();
    /** Successful places and transitions so far. */
    int writes;
    /** Runs before the next place only: lets a test change the cart between pricing and placing. */
    Runnable beforeNextPlace;
    /** Runs before the next transition only: lets a test move the order between reading and changing it. */
    Runnable beforeNextTransition;

    InMemoryOrders(InMemoryCarts.Catalog catalog, InMemoryCarts.Carts carts) {
        this.catalog = catalog;
        this.carts = carts;
    }

    @Override
    public void place(Order order, long cartVersion) {
        Runnable hook = beforeNextPlace;
        beforeNextPlace = null;
        if (hook != null) {
            hook.run();
        }
        synchronized (this) {
            List<String> shortLines = new ArrayList<>();
            for (OrderLine line : order.items()) {
                Optional<Product> product = catalog.findById(line.productId());
                if (product.isEmpty() || product.get().isArchived() || product.get().available() < line.quantity()) {
                    shortLines.add(line.productId());
                }
            }
            if (!shortLines.isEmpty()) {
                throw new OutOfStockException(shortLines);
            }
            if (!carts.isAt(order.userId(), cartVersion)) {
                throw new CartRepository.CartChangedException();
            }
            if (byId.containsKey(order.orderId())) {
                throw new IllegalStateException("order id " + order.orderId() + " is taken");
            }
            for (OrderLine line : order.items()) {
                catalog.changeStock(line.productId(), -line.quantity(), order.createdAt());
            }
            byId.put(order.orderId(), order);
            carts.deleteIfAt(order.userId(), cartVersion);
            writes++;
        }
    }

    /** Replaces a stored order as it is (e.g. with the payment summary a capture writes). */
    synchronized void store(Order order) {
        byId.put(order.orderId(), order);
    }

    @Override
    public synchronized Optional<Order> find(String orderId) {
        return Optional.ofNullable(byId.get(orderId));
    }

    @Override
    public synchronized OrderPage listByUser(String userId, int limit, String after) {
        List<Order> following = byId.values().stream()
                .filter(order -> order.userId().equals(userId))
                .filter(order -> after == null || order.orderId().compareTo(after) < 0)
                .sorted(Comparator.comparing(Order::orderId).reversed())
                .toList();
        // As the adapter: a last id only when another order follows (a page is never empty but the first).
        List<Order> page = following.stream().limit(limit).toList();
        return new OrderPage(page, following.size() > limit ? page.get(page.size() - 1).orderId() : null);
    }

    @Override
    public Order transition(Order order, OrderStatus target, Instant now, boolean returnStock,
            Reservation reservation) {
        Runnable hook = beforeNextTransition;
        beforeNextTransition = null;
        if (hook != null) {
            hook.run();
        }
        return transitionNow(order, target, now, returnStock, reservation);
    }

    private synchronized Order transitionNow(Order order, OrderStatus target, Instant now, boolean returnStock,
            Reservation reservation) {
        if (!order.status().canMoveTo(target)) {
            throw new IllegalArgumentException(order.status() + " cannot move to " + target);
        }
        Order stored = byId.get(order.orderId());
        if (stored == null || stored.status() != order.status()) {
            throw new StatusChangedException();
        }
        long expiresAtEpoch = stored.expiresAt().getEpochSecond();
        long nowEpoch = now.getEpochSecond();
        if (reservation == Reservation.EXPIRED && !(expiresAtEpoch <= nowEpoch)
                || reservation == Reservation.UNEXPIRED && !(expiresAtEpoch > nowEpoch)) {
            throw new StatusChangedException();
        }
        if (returnStock) {
            for (OrderLine line : stored.items()) {
                if (catalog.findById(line.productId()).isEmpty()) {
                    throw new IllegalStateException("product " + line.productId() + " is gone");
                }
            }
            for (OrderLine line : stored.items()) {
                catalog.changeStock(line.productId(), line.quantity(), now);
            }
        }
        byId.put(order.orderId(), stored.withStatus(target, now));
        writes++;
        return order.withStatus(target, now);
    }

    @Override
    public synchronized List<String> findExpired(Instant now, int limit) {
        return byId.values().stream()
                .filter(order -> order.status() == OrderStatus.PENDING_PAYMENT)
                .filter(order -> order.expiresAt().getEpochSecond() <= now.getEpochSecond())
                .sorted(Comparator.comparing(Order::expiresAt))
                .limit(limit)
                .map(Order::orderId)
                .toList();
    }

    /** Every stored order. */
    synchronized List<Order> all() {
        return List.copyOf(byId.values());
    }
}
