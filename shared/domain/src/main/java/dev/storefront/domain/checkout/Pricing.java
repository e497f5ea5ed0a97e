package dev.storefront.domain.checkout;

import dev.storefront.domain.Money;
import dev.storefront.domain.error.ValidationException;
import java.util.List;
import java.util.Objects;

/**
 * Prices an order from its lines, the shipping address and the shipping method: subtotal from the lines,
 * shipping from {@link ShippingRates} (by destination, total weight and subtotal), tax from {@link TaxRates} on
 * subtotal plus shipping, in the destination country. Used alike by the quote (no side effects) and by
 * checkout (which freezes the result into the order).
 *
 * <p>Whether an empty cart may be checked out is the caller's rule: an empty list is priced (subtotal 0,
 * shipping at its base rate). All arithmetic is exact; an amount that does not fit a {@code long} is an
 * {@link ArithmeticException}, never a wrong total.
 */
public final class Pricing {

    private final ShippingRates shippingRates;
    private final TaxRates taxRates;

    /** Prices in the currency of {@code shippingRates}, the store currency. */
    public Pricing(ShippingRates shippingRates, TaxRates taxRates) {
        this.shippingRates = Objects.requireNonNull(shippingRates, "shippingRates");
        this.taxRates = Objects.requireNonNull(taxRates, "taxRates");
    }

    /** The store currency. */
    public String currency() {
        return shippingRates.currency();
    }

    /**
     * The quote of {@code lines} shipped to {@code address} by {@code method}.
     *
     * @throws ValidationException when the address is not valid, naming each field in error
     * @throws IllegalArgumentException when a line is not in the store currency
     * @throws ArithmeticException when an amount or the total weight overflows
     */
    public Quote quote(List<PricedLine> lines, ShippingAddress address, ShippingMethod method) {
        Objects.requireNonNull(lines, "lines");
        Objects.requireNonNull(method, "method");
        String country = ShippingAddressRules.validate(address).country();
        String currency = currency();
        Money subtotal = Money.zero(currency);
        long weightGrams = 0;
        for (PricedLine line : lines) {
            if (!line.unitPrice().currency().equals(currency)) {
                throw new IllegalArgumentException("line " + line.productId() + " is in " + line.unitPrice().currency()
                        + ", not " + currency + ", the store currency");
            }
            subtotal = subtotal.plus(line.lineTotal());
            weightGrams = Math.addExact(weightGrams, line.totalWeightGrams());
        }
        List<ShippingOption> options = shippingRates.options(country, weightGrams, subtotal);
        Money shipping = options.stream()
                .filter(option -> option.method() == method)
                .findFirst()
                .orElseThrow()
                .amount();
        Money tax = taxRates.tax(subtotal.plus(shipping), country);
        return new Quote(subtotal, shipping, tax, subtotal.plus(shipping).plus(tax), options);
    }
}
