package dev.storefront.domain.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storefront.domain.Money;
import dev.storefront.domain.error.FieldError;
import dev.storefront.domain.error.ValidationException;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PricingTest {

    private static final ShippingAddress SPRINGFIELD = new ShippingAddress("Ada Lovelace", "12 Analytical Row",
            null, "Springfield", "IL", "62704", "US");
    private static final ShippingAddress BERLIN = new ShippingAddress("Ada Lovelace", "Unter den Linden 1", null,
            "Berlin", null, "10117", "DE");

    /** Two lamps at 19.99 (300 g each) and a bulb at 5.00 (200 g): 44.98, 800 g. */
    private static final List<PricedLine> LINES = List.of(
            new PricedLine("lamp", usd(1999), 2, 300),
            new PricedLine("bulb", usd(500), 1, 200));

    private final Pricing pricing = new Pricing(ShippingRates.defaults("USD"), new TaxRates());

    @Test
    void quote_shouldAddSubtotalShippingAndTax_forStandardShipping() {
        // when
        Quote quote = pricing.quote(LINES, SPRINGFIELD, ShippingMethod.STANDARD);

        // then: shipping 5.99 + 2 x 1.00; tax 7.25 % of 52.97 = 3.840325
        assertThat(quote.subtotal()).isEqualTo(usd(4498));
        assertThat(quote.shipping()).isEqualTo(usd(799));
        assertThat(quote.tax()).isEqualTo(usd(384));
        assertThat(quote.total()).isEqualTo(usd(5681));
        assertThat(quote.shippingOptions()).containsExactly(
                new ShippingOption(ShippingMethod.STANDARD, "UPS Ground", usd(799), 5),
                new ShippingOption(ShippingMethod.EXPRESS, "UPS Next Day Air", usd(3099), 1));
    }

    @Test
    void quote_shouldPriceTheChosenMethod_forExpressShipping() {
        // when
        Quote quote = pricing.quote(LINES, SPRINGFIELD, ShippingMethod.EXPRESS);

        // then: shipping 24.99 + 2 x 3.00; tax 7.25 % of 75.97 = 5.507825
        assertThat(quote.shipping()).isEqualTo(usd(3099));
        assertThat(quote.tax()).isEqualTo(usd(551));
        assertThat(quote.total()).isEqualTo(usd(4498 + 3099 + 551));
    }

    @Test
    void quote_shouldPriceByDestination_shippingAndTax() {
        // when
        Quote quote = pricing.quote(LINES, BERLIN, ShippingMethod.STANDARD);

        // then: Europe 19.99 + 2 x 4.00; tax 19 % of 72.97 = 13.8643
        assertThat(quote.shipping()).isEqualTo(usd(2799));
        assertThat(quote.tax()).isEqualTo(usd(1386));
        assertThat(quote.total()).isEqualTo(usd(4498 + 2799 + 1386));
    }

    @Test
    void quote_shouldShipFree_fromTheThreshold_andTaxTheSubtotalAlone() {
        // given: exactly 50.00
        List<PricedLine> lines = List.of(new PricedLine("chair", usd(2500), 2, 4000));

        // when
        Quote quote = pricing.quote(lines, SPRINGFIELD, ShippingMethod.STANDARD);

        // then: 7.25 % of 50.00 = 3.625
        assertThat(quote.shipping()).isEqualTo(usd(0));
        assertThat(quote.tax()).isEqualTo(usd(362));
        assertThat(quote.total()).isEqualTo(usd(5362));
    }

    @Test
    void quote_shouldChargeShipping_oneMinorUnitBelowTheThreshold() {
        // given: 49.99
        List<PricedLine> lines = List.of(new PricedLine("chair", usd(4999), 1, 500));

        // when
        Quote quote = pricing.quote(lines, SPRINGFIELD, ShippingMethod.STANDARD);

        // then
        assertThat(quote.shipping()).isEqualTo(usd(699));
    }

    @Test
    void quote_shouldPriceAnEmptyListAtTheBaseRate() {
        // when
        Quote quote = pricing.quote(List.of(), SPRINGFIELD, ShippingMethod.STANDARD);

        // then: 7.25 % of 5.99 = 0.434275
        assertThat(quote.subtotal()).isEqualTo(usd(0));
        assertThat(quote.shipping()).isEqualTo(usd(599));
        assertThat(quote.tax()).isEqualTo(usd(43));
        assertThat(quote.total()).isEqualTo(usd(642));
    }

    @Test
    void quote_shouldUseTheValidatedAddress() {
        // given: white space around the country, a postcode typed in lower case without its space
        ShippingAddress london = new ShippingAddress("Ada", "10 Downing St", null, "London", null, "sw1a2aa",
                " GB ");

        // when
        Quote quote = pricing.quote(LINES, london, ShippingMethod.STANDARD);

        // then: Europe, 20 % of 72.97
        assertThat(quote.shipping()).isEqualTo(usd(2799));
        assertThat(quote.tax()).isEqualTo(usd(1459));
    }

    @Test
    void quote_shouldRejectABadAddress_namingTheFields() {
        // given
        ShippingAddress bad = new ShippingAddress("Ada", "1 Main St", null, "Springfield", null, "ABCDE", "US");

        // when / then
        assertThatThrownBy(() -> pricing.quote(LINES, bad, ShippingMethod.STANDARD))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("shippingAddress.postalCode"));
        assertThatThrownBy(() -> pricing.quote(LINES, null, ShippingMethod.STANDARD))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void quote_shouldRejectALineInAnotherCurrency() {
        // given
        List<PricedLine> lines = List.of(new PricedLine("lamp", usd(1999), 1, 300),
                new PricedLine("import", Money.of(1000, "EUR"), 1, 300));

        // when / then
        assertThatThrownBy(() -> pricing.quote(lines, SPRINGFIELD, ShippingMethod.STANDARD))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("import");
    }

    @Test
    void quote_shouldThrow_whenALineTotalOverflows() {
        // given
        List<PricedLine> lines = List.of(new PricedLine("gold", usd(Long.MAX_VALUE / 2), 3, 1));

        // when / then
        assertThatThrownBy(() -> pricing.quote(lines, SPRINGFIELD, ShippingMethod.STANDARD))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void quote_shouldThrow_whenTheSubtotalOverflows() {
        // given
        List<PricedLine> lines = List.of(new PricedLine("a", usd(Long.MAX_VALUE / 2 + 1), 1, 1),
                new PricedLine("b", usd(Long.MAX_VALUE / 2 + 1), 1, 1));

        // when / then
        assertThatThrownBy(() -> pricing.quote(lines, SPRINGFIELD, ShippingMethod.STANDARD))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void quote_shouldThrow_whenShippingOrTaxPushTheTotalOverTheLimit() {
        // given: the subtotal fits, the subtotal plus express shipping does not
        List<PricedLine> lines = List.of(new PricedLine("gold", usd(Long.MAX_VALUE - 100), 1, 1));

        // when / then
        assertThatThrownBy(() -> pricing.quote(lines, SPRINGFIELD, ShippingMethod.EXPRESS))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void quote_shouldThrow_whenTheTotalWeightOverflows() {
        // given: free items, each line about 4.6e18 g
        PricedLine heavy = new PricedLine("anvil", usd(0), Integer.MAX_VALUE, Integer.MAX_VALUE);

        // when / then
        assertThatThrownBy(() -> pricing.quote(List.of(heavy, heavy, heavy), SPRINGFIELD, ShippingMethod.STANDARD))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void quote_shouldHandleTheLargestRealisticCart_exactly() {
        // given: 50 lines of 99 units at the catalog's maximum price (1 000 000.00) and weight (1000 kg)
        List<PricedLine> lines = IntStream.range(0, 50)
                .mapToObj(i -> new PricedLine("p" + i, usd(100_000_000), 99, 1_000_000))
                .toList();

        // when
        Quote quote = pricing.quote(lines, SPRINGFIELD, ShippingMethod.EXPRESS);

        // then: 4 950 000 000 g is 9 900 000 steps of 3.00
        assertThat(quote.subtotal()).isEqualTo(usd(495_000_000_000L));
        assertThat(quote.shipping()).isEqualTo(usd(2499 + 9_900_000L * 300));
        assertThat(quote.total()).isEqualTo(quote.subtotal().plus(quote.shipping()).plus(quote.tax()));
    }

    @Test
    void pricedLine_shouldMultiplyExactly_andRefuseImpossibleLines() {
        assertThat(new PricedLine("lamp", usd(1999), 3, 300).lineTotal()).isEqualTo(usd(5997));
        assertThat(new PricedLine("lamp", usd(1999), 3, 300).totalWeightGrams()).isEqualTo(900);
        assertThatThrownBy(() -> new PricedLine("lamp", usd(1999), 0, 300))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PricedLine("lamp", usd(-1), 1, 300))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PricedLine("lamp", usd(1999), 1, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void quoteRecord_shouldRefuseATotalThatIsNotTheSum() {
        assertThatThrownBy(() -> new Quote(usd(100), usd(10), usd(1), usd(112), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new Quote(usd(100), usd(10), usd(1), usd(111), List.of()).total()).isEqualTo(usd(111));
    }

    @Test
    void currency_shouldBeTheCurrencyOfTheShippingRates() {
        assertThat(new Pricing(ShippingRates.defaults("EUR"), new TaxRates()).currency()).isEqualTo("EUR");
    }

    private static Money usd(long amount) {
        return Money.of(amount, "USD");
    }
}
