package dev.storefront.domain.checkout;

import dev.storefront.domain.Money;
import java.util.List;
import java.util.Objects;

/**
 * The price of an order before it is placed: {@code total = subtotal + shipping + tax}, all in the store
 * currency, with every shipping option to the address so the shopper can switch method.
 *
 * @param shipping the price of the chosen method
 * @param shippingOptions every method, standard first
 */
public record Quote(Money subtotal, Money shipping, Money tax, Money total, List<ShippingOption> shippingOptions) {

    /**
     * @throws IllegalArgumentException when {@code total} is not the sum of the others, or currencies differ
     */
    public Quote {
        Objects.requireNonNull(subtotal, "subtotal");
        Objects.requireNonNull(shipping, "shipping");
        Objects.requireNonNull(tax, "tax");
        Objects.requireNonNull(total, "total");
        shippingOptions = List.copyOf(shippingOptions);
        if (!subtotal.plus(shipping).plus(tax).equals(total)) {
            throw new IllegalArgumentException("total must be subtotal + shipping + tax");
        }
    }
}
