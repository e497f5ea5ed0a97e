package dev.storefront.domain.cart;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A shopper's stored cart: product ids and quantities only (prices and availability are looked up afresh on
 * every read). Lines keep the order in which products were first added.
 *
 * @param version incremented by every save; the optimistic lock that keeps concurrent edits (two browser tabs)
 *     from overwriting each other, 0 for a cart never stored
 */
public record Cart(String userId, List<CartLine> lines, long version, Instant updatedAt) {

    /** Quantity of one line at most. */
    public static final int MAX_QUANTITY = 99;
    /**
     * Different products in one cart at most. Checkout writes every line's stock, the order and the cart in
     * one DynamoDB transaction (at most 100 items), so this keeps well inside it.
     */
    public static final int MAX_LINES = 50;

    public Cart {
        Objects.requireNonNull(userId, "userId");
        lines = List.copyOf(lines);
    }

    public static Cart empty(String userId) {
        return new Cart(userId, List.of(), 0, null);
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }

    public Optional<CartLine> line(String productId) {
        return lines.stream().filter(l -> l.productId().equals(productId)).findFirst();
    }

    /** A copy with {@code productId} at {@code quantity} (0 removes the line), in the same position. */
    Cart withQuantity(String productId, int quantity, Instant now) {
        List<CartLine> changed = new ArrayList<>(lines.size() + 1);
        boolean found = false;
        for (CartLine line : lines) {
            if (line.productId().equals(productId)) {
                found = true;
                if (quantity > 0) {
                    changed.add(new CartLine(productId, quantity, line.addedAt()));
                }
            } else {
                changed.add(line);
            }
        }
        if (!found && quantity > 0) {
            changed.add(new CartLine(productId, quantity, now));
        }
        return new Cart(userId, changed, version, now);
    }

    /** One product in the cart. */
    public record CartLine(String productId, int quantity, Instant addedAt) {

        public CartLine {
            Objects.requireNonNull(productId, "productId");
            Objects.requireNonNull(addedAt, "addedAt");
            if (quantity < 1 || quantity > MAX_QUANTITY) {
                throw new IllegalArgumentException("quantity out of range: " + quantity);
            }
        }
    }
}
