package dev.storefront.domain.checkout;

import dev.storefront.domain.Money;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The shipping rate table: a price per {@link ShippingZone} and {@link ShippingMethod}, made of a base amount
 * plus an amount for every started 500 g of the order's total weight (0 g: the base alone; 1-500 g: one step;
 * 501-1000 g: two).
 *
 * <p>Amounts are minor units of the store currency and are set for a two-decimal currency (USD, EUR, GBP) and
 * a store in North America; "days" are business days from dispatch, at most.
 * <pre>
 * | zone          | method   | carrier               | base  | per started 500 g | days |
 * |---------------|----------|-----------------------|-------|-------------------|------|
 * | DOMESTIC      | standard | UPS Ground            |  5.99 |  1.00             |  5   |
 * | DOMESTIC      | express  | UPS Next Day Air      | 24.99 |  3.00             |  1   |
 * | NORTH_AMERICA | standard | UPS Standard          | 14.99 |  2.50             |  7   |
 * | NORTH_AMERICA | express  | UPS Worldwide Express | 39.99 |  5.00             |  3   |
 * | EUROPE        | standard | DHL eCommerce         | 19.99 |  4.00             | 10   |
 * | EUROPE        | express  | DHL Express Worldwide | 49.99 |  8.00             |  4   |
 * | REST_OF_WORLD | standard | DHL eCommerce         | 24.99 |  5.00             | 14   |
 * | REST_OF_WORLD | express  | DHL Express Worldwide | 59.99 | 10.00             |  5   |
 * </pre>
 *
 * <p><b>Free standard shipping:</b> standard shipping costs nothing, to every zone, when the order's subtotal
 * is at or above the free-shipping threshold (default {@value #DEFAULT_FREE_SHIPPING_THRESHOLD} minor units,
 * $50.00). A threshold of 0 makes standard shipping always free, since every subtotal is at or above it;
 * {@link #NO_FREE_SHIPPING} turns the offer off. Express shipping is never free.
 *
 * <p>All arithmetic is exact: an amount that does not fit a {@code long} is an {@link ArithmeticException},
 * never a wrong price.
 */
public final class ShippingRates {

    public static final String DEFAULT_STORE_COUNTRY = "US";
    /** Minor units: $50.00 in a two-decimal currency. */
    public static final long DEFAULT_FREE_SHIPPING_THRESHOLD = 5000;
    /** A threshold no subtotal reaches: standard shipping is never free. */
    public static final long NO_FREE_SHIPPING = Long.MAX_VALUE;
    /** Weight priced by each step of a rate. */
    public static final int WEIGHT_STEP_GRAMS = 500;

    private static final Map<ShippingZone, Map<ShippingMethod, Rate>> TABLE = table();

    private final String storeCountry;
    private final String currency;
    private final long freeShippingThreshold;

    /**
     * @param storeCountry the country shipped from, ISO 3166-1 alpha-2 in upper case; its orders are
     *     {@link ShippingZone#DOMESTIC}
     * @param currency the store currency, ISO 4217
     * @param freeShippingThreshold minor units of subtotal from which standard shipping is free; 0 always,
     *     {@link #NO_FREE_SHIPPING} never
     * @throws IllegalArgumentException for an unknown country, a malformed currency or a negative threshold
     */
    public ShippingRates(String storeCountry, String currency, long freeShippingThreshold) {
        ShippingZone.requireCountryCode(storeCountry, "storeCountry");
        Money.zero(currency);
        if (freeShippingThreshold < 0) {
            throw new IllegalArgumentException("freeShippingThreshold must not be negative: " + freeShippingThreshold);
        }
        this.storeCountry = storeCountry;
        this.currency = currency;
        this.freeShippingThreshold = freeShippingThreshold;
    }

    /** Rates of a store in {@value #DEFAULT_STORE_COUNTRY} with the default free-shipping threshold. */
    public static ShippingRates defaults(String currency) {
        return new ShippingRates(DEFAULT_STORE_COUNTRY, currency, DEFAULT_FREE_SHIPPING_THRESHOLD);
    }

    public String storeCountry() {
        return storeCountry;
    }

    public String currency() {
        return currency;
    }

    public long freeShippingThreshold() {
        return freeShippingThreshold;
    }

    /**
     * Every method to {@code country}, standard first.
     *
     * @param totalWeightGrams weight of all units of the order; 0 for an empty cart
     * @param subtotal of the order, in the store currency
     * @throws IllegalArgumentException for an unknown country, a negative weight or subtotal, or a subtotal in
     *     another currency
     */
    public List<ShippingOption> options(String country, long totalWeightGrams, Money subtotal) {
        return List.of(option(ShippingMethod.STANDARD, country, totalWeightGrams, subtotal),
                option(ShippingMethod.EXPRESS, country, totalWeightGrams, subtotal));
    }

    /**
     * The price of shipping by {@code method} to {@code country}.
     *
     * @throws IllegalArgumentException as {@link #options}
     */
    public ShippingOption option(ShippingMethod method, String country, long totalWeightGrams, Money subtotal) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(subtotal, "subtotal");
        if (totalWeightGrams < 0) {
            throw new IllegalArgumentException("totalWeightGrams must not be negative: " + totalWeightGrams);
        }
        if (!subtotal.currency().equals(currency)) {
            throw new IllegalArgumentException("subtotal must be in " + currency + ", the store currency: "
                    + subtotal.currency());
        }
        if (subtotal.isNegative()) {
            throw new IllegalArgumentException("subtotal must not be negative: " + subtotal.amount());
        }
        Rate rate = TABLE.get(ShippingZone.of(country, storeCountry)).get(method);
        Money amount = isFree(method, subtotal) ? Money.zero(currency) : rate.price(totalWeightGrams, currency);
        return new ShippingOption(method, rate.carrier(), amount, rate.estimatedDays());
    }

    /** The carrier that ships by {@code method} to {@code country} (the same cell {@link #option} prices). */
    public String carrier(ShippingMethod method, String country) {
        return TABLE.get(ShippingZone.of(country, storeCountry)).get(Objects.requireNonNull(method, "method")).carrier();
    }

    private boolean isFree(ShippingMethod method, Money subtotal) {
        return method == ShippingMethod.STANDARD && freeShippingThreshold != NO_FREE_SHIPPING
                && subtotal.amount() >= freeShippingThreshold;
    }

    private static Map<ShippingZone, Map<ShippingMethod, Rate>> table() {
        Map<ShippingZone, Map<ShippingMethod, Rate>> table = new EnumMap<>(ShippingZone.class);
        table.put(ShippingZone.DOMESTIC, rates(
                new Rate("UPS Ground", 599, 100, 5),
                new Rate("UPS Next Day Air", 2499, 300, 1)));
        table.put(ShippingZone.NORTH_AMERICA, rates(
                new Rate("UPS Standard", 1499, 250, 7),
                new Rate("UPS Worldwide Express", 3999, 500, 3)));
        table.put(ShippingZone.EUROPE, rates(
                new Rate("DHL eCommerce", 1999, 400, 10),
                new Rate("DHL Express Worldwide", 4999, 800, 4)));
        table.put(ShippingZone.REST_OF_WORLD, rates(
                new Rate("DHL eCommerce", 2499, 500, 14),
                new Rate("DHL Express Worldwide", 5999, 1000, 5)));
        return table;
    }

    private static Map<ShippingMethod, Rate> rates(Rate standard, Rate express) {
        Map<ShippingMethod, Rate> rates = new EnumMap<>(ShippingMethod.class);
        rates.put(ShippingMethod.STANDARD, standard);
        rates.put(ShippingMethod.EXPRESS, express);
        return rates;
    }

    /** One cell of the table; amounts in minor units. */
    private record Rate(String carrier, long base, long perStep, int estimatedDays) {

        Money price(long weightGrams, String currency) {
            long steps = weightGrams / WEIGHT_STEP_GRAMS + (weightGrams % WEIGHT_STEP_GRAMS == 0 ? 0 : 1);
            return Money.of(base, currency).plus(Money.of(perStep, currency).times(steps));
        }
    }
}
