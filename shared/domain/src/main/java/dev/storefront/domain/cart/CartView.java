package dev.storefront.domain.cart;

import dev.storefront.domain.Money;
import java.time.Instant;
import java.util.List;

/**
 * A cart as the shopper sees it: every line priced at the catalog's current price, with the units available
 * now (0 for a product that was archived since it was added). Subtotal and item count cover what can be
 * bought: lines of archived products are listed but not counted (a quote leaves them out the same way, and
 * checkout refuses them with 409).
 *
 * @param updatedAt when the cart last changed; null for a cart never stored
 */
public record CartView(List<Item> items, Money subtotal, int itemCount, Instant updatedAt) {

    public CartView {
        items = List.copyOf(items);
    }

    /** One priced line. */
    public record Item(String productId, String name, Money unitPrice, int quantity, Money lineTotal, int available) {
    }
}
