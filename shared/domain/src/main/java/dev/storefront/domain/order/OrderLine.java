package dev.storefront.domain.order;

import dev.storefront.domain.Money;
import java.util.Objects;

/** One line of an order, its price frozen at checkout. */
public record OrderLine(String productId, String sku, String name, Money unitPrice, int quantity, Money lineTotal) {

    public OrderLine {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unitPrice, "unitPrice");
        Objects.requireNonNull(lineTotal, "lineTotal");
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be positive");
        }
        if (!unitPrice.times(quantity).equals(lineTotal)) {
            throw new IllegalArgumentException("lineTotal must be unitPrice x quantity");
        }
    }
}
