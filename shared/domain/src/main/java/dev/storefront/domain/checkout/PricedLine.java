package dev.storefront.domain.checkout;

import dev.storefront.domain.Money;
import java.util.Objects;

/**
 * One line of an order to be priced: the catalog's current unit price and weight of a product, times the
 * quantity in the cart.
 *
 * @param unitPrice in the store currency, not negative
 * @param quantity at least 1
 * @param weightGrams of one unit, not negative
 */
public record PricedLine(String productId, Money unitPrice, int quantity, int weightGrams) {

    public PricedLine {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(unitPrice, "unitPrice");
        if (unitPrice.isNegative()) {
            throw new IllegalArgumentException("unitPrice of " + productId + " must not be negative");
        }
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity of " + productId + " must be at least 1: " + quantity);
        }
        if (weightGrams < 0) {
            throw new IllegalArgumentException("weightGrams of " + productId + " must not be negative: " + weightGrams);
        }
    }

    /**
     * Unit price times quantity.
     *
     * @throws ArithmeticException when it does not fit a {@code long}
     */
    public Money lineTotal() {
        return unitPrice.times(quantity);
    }

    /** Weight of all units of the line; a {@code long}, so it cannot overflow. */
    public long totalWeightGrams() {
        return (long) weightGrams * quantity;
    }
}
