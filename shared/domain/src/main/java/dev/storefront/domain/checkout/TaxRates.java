package dev.storefront.domain.checkout;

import dev.storefront.domain.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Objects;

/**
 * Sales tax (VAT, GST) by destination country, in basis points (1/100 of a percent: 725 = 7.25 %).
 *
 * <p>A deliberately simplified demo table: one flat rate per country (the standard VAT/GST rate; for the US and
 * CA a representative combined rate, though real ones vary by state, province and city), no reduced rates, no
 * thresholds, no exemptions. Countries not listed are taxed at 0.
 * <pre>
 * | country | bp   |   | country | bp   |   | country | bp   |   | country | bp   |
 * |---------|------|---|---------|------|---|---------|------|---|---------|------|
 * | US      |  725 |   | FR      | 2000 |   | SE      | 2500 |   | AU      | 1000 |
 * | CA      |  500 |   | NL      | 2100 |   | DK      | 2500 |   | NZ      | 1500 |
 * | MX      | 1600 |   | IE      | 2300 |   | CH      |  810 |   | SG      |  900 |
 * | GB      | 2000 |   | ES      | 2100 |   | NO      | 2500 |   | IN      | 1800 |
 * | DE      | 1900 |   | IT      | 2200 |   | JP      | 1000 |   | BR      | 1700 |
 * </pre>
 *
 * <p>The taxable amount is chosen by the caller; checkout taxes subtotal plus shipping, as VAT does where
 * shipping is part of the supply (simplified to every country). Tax is rounded to the minor unit half-even
 * (banker's rounding), so rounding does not drift one way over many orders: 2.5 becomes 2, 3.5 becomes 4.
 */
public final class TaxRates {

    /** Basis points in one whole: 10 000 bp = 100 %. */
    public static final int BASIS_POINTS_PER_UNIT = 10_000;

    private static final Map<String, Integer> DEFAULT_RATES = Map.ofEntries(
            Map.entry("US", 725), Map.entry("CA", 500), Map.entry("MX", 1600),
            Map.entry("GB", 2000), Map.entry("DE", 1900), Map.entry("FR", 2000), Map.entry("NL", 2100),
            Map.entry("IE", 2300), Map.entry("ES", 2100), Map.entry("IT", 2200), Map.entry("SE", 2500),
            Map.entry("DK", 2500), Map.entry("CH", 810), Map.entry("NO", 2500),
            Map.entry("JP", 1000), Map.entry("AU", 1000), Map.entry("NZ", 1500), Map.entry("SG", 900),
            Map.entry("IN", 1800), Map.entry("BR", 1700));

    private static final BigDecimal BASIS_POINTS = BigDecimal.valueOf(BASIS_POINTS_PER_UNIT);

    private final Map<String, Integer> basisPointsByCountry;

    /** The table above. */
    public TaxRates() {
        this(DEFAULT_RATES);
    }

    /**
     * A table of one's own; countries not in it are taxed at 0.
     *
     * @throws IllegalArgumentException for a key that is not an ISO 3166-1 alpha-2 code in upper case, or a rate
     *     outside 0-10 000 bp
     */
    public TaxRates(Map<String, Integer> basisPointsByCountry) {
        basisPointsByCountry.forEach((country, basisPoints) -> {
            ShippingZone.requireCountryCode(country, "country");
            if (basisPoints == null || basisPoints < 0 || basisPoints > BASIS_POINTS_PER_UNIT) {
                throw new IllegalArgumentException("rate of " + country + " must be 0 to " + BASIS_POINTS_PER_UNIT
                        + " basis points: " + basisPoints);
            }
        });
        this.basisPointsByCountry = Map.copyOf(basisPointsByCountry);
    }

    /** The rate of {@code country} in basis points; 0 for a country not in the table. */
    public int basisPoints(String country) {
        Objects.requireNonNull(country, "country");
        return basisPointsByCountry.getOrDefault(country, 0);
    }

    /**
     * The tax on {@code taxable} in {@code country}, in the same currency, rounded half-even to the minor unit.
     *
     * @throws IllegalArgumentException for a negative taxable amount
     */
    public Money tax(Money taxable, String country) {
        Objects.requireNonNull(taxable, "taxable");
        if (taxable.isNegative()) {
            throw new IllegalArgumentException("taxable amount must not be negative: " + taxable.amount());
        }
        BigDecimal tax = BigDecimal.valueOf(taxable.amount())
                .multiply(BigDecimal.valueOf(basisPoints(country)))
                .divide(BASIS_POINTS, 0, RoundingMode.HALF_EVEN);
        return Money.of(tax.longValueExact(), taxable.currency());
    }
}
