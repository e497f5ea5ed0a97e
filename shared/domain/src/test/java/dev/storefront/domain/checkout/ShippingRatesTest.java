package dev.storefront.domain.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storefront.domain.Money;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShippingRatesTest {

    private static final Money NOTHING = usd(0);

    private final ShippingRates neverFree = new ShippingRates("US", "USD", ShippingRates.NO_FREE_SHIPPING);

    @ParameterizedTest
    @CsvSource({
        "US, STANDARD, UPS Ground,             599,  899,  5",
        "US, EXPRESS,  UPS Next Day Air,      2499, 3399,  1",
        "CA, STANDARD, UPS Standard,          1499, 2249,  7",
        "MX, EXPRESS,  UPS Worldwide Express, 3999, 5499,  3",
        "DE, STANDARD, DHL eCommerce,         1999, 3199, 10",
        "GB, EXPRESS,  DHL Express Worldwide, 4999, 7399,  4",
        "JP, STANDARD, DHL eCommerce,         2499, 3999, 14",
        "AU, EXPRESS,  DHL Express Worldwide, 5999, 8999,  5"})
    void option_shouldPriceEachZoneAndMethod_fromTheTable(String country, ShippingMethod method, String carrier,
            long atNoWeight, long at1200Grams, int days) {
        // when
        ShippingOption empty = neverFree.option(method, country, 0, NOTHING);
        ShippingOption heavy = neverFree.option(method, country, 1200, NOTHING);

        // then: 1200 g is three started steps of 500 g
        assertThat(empty).isEqualTo(new ShippingOption(method, carrier, usd(atNoWeight), days));
        assertThat(heavy).isEqualTo(new ShippingOption(method, carrier, usd(at1200Grams), days));
    }

    @Test
    void option_shouldPriceEveryZoneAndMethodCombination() {
        for (String country : List.of("US", "CA", "FR", "NZ")) {
            for (ShippingMethod method : ShippingMethod.values()) {
                assertThat(neverFree.option(method, country, 0, NOTHING).amount().amount())
                        .as("%s %s", country, method).isPositive();
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"0, 599", "1, 699", "499, 699", "500, 699", "501, 799", "1000, 799", "1001, 899", "20000, 4599"})
    void option_shouldChargeEveryStarted500Grams(long weightGrams, long amount) {
        // when
        ShippingOption option = neverFree.option(ShippingMethod.STANDARD, "US", weightGrams, NOTHING);

        // then
        assertThat(option.amount()).isEqualTo(usd(amount));
    }

    @Test
    void option_shouldMakeStandardShippingFree_exactlyAtTheThreshold_andNotOneMinorUnitBelow() {
        // given
        ShippingRates rates = ShippingRates.defaults("USD");

        // when
        ShippingOption atThreshold = rates.option(ShippingMethod.STANDARD, "US", 800, usd(5000));
        ShippingOption justBelow = rates.option(ShippingMethod.STANDARD, "US", 800, usd(4999));
        ShippingOption above = rates.option(ShippingMethod.STANDARD, "US", 800, usd(123_456));

        // then
        assertThat(atThreshold).isEqualTo(new ShippingOption(ShippingMethod.STANDARD, "UPS Ground", usd(0), 5));
        assertThat(justBelow.amount()).isEqualTo(usd(799));
        assertThat(above.amount()).isEqualTo(usd(0));
    }

    @Test
    void option_shouldMakeStandardShippingFree_toEveryZone() {
        // given
        ShippingRates rates = ShippingRates.defaults("USD");

        // when / then
        for (String country : List.of("US", "CA", "DE", "JP")) {
            assertThat(rates.option(ShippingMethod.STANDARD, country, 3000, usd(5000)).amount()).as(country)
                    .isEqualTo(usd(0));
        }
    }

    @Test
    void option_shouldNeverMakeExpressShippingFree() {
        // given
        ShippingRates alwaysFree = new ShippingRates("US", "USD", 0);

        // when
        ShippingOption express = alwaysFree.option(ShippingMethod.EXPRESS, "US", 0, usd(1_000_000));

        // then
        assertThat(express.amount()).isEqualTo(usd(2499));
    }

    @Test
    void option_shouldMakeStandardShippingAlwaysFree_whenTheThresholdIsZero() {
        // given
        ShippingRates alwaysFree = new ShippingRates("US", "USD", 0);

        // when
        ShippingOption option = alwaysFree.option(ShippingMethod.STANDARD, "JP", 5000, NOTHING);

        // then
        assertThat(option.amount()).isEqualTo(usd(0));
    }

    @Test
    void option_shouldNeverBeFree_withNoFreeShipping() {
        // when
        ShippingOption option = neverFree.option(ShippingMethod.STANDARD, "US", 0, usd(Long.MAX_VALUE));

        // then
        assertThat(option.amount()).isEqualTo(usd(599));
    }

    @Test
    void options_shouldOfferStandardThenExpress() {
        // given
        ShippingRates rates = ShippingRates.defaults("USD");

        // when
        List<ShippingOption> options = rates.options("CA", 501, usd(2000));

        // then
        assertThat(options).containsExactly(
                new ShippingOption(ShippingMethod.STANDARD, "UPS Standard", usd(1999), 7),
                new ShippingOption(ShippingMethod.EXPRESS, "UPS Worldwide Express", usd(4999), 3));
    }

    @Test
    void options_shouldTreatTheStoreCountryAsDomestic() {
        // given
        ShippingRates canadianStore = new ShippingRates("CA", "CAD", ShippingRates.NO_FREE_SHIPPING);

        // when
        ShippingOption toCanada = canadianStore.option(ShippingMethod.STANDARD, "CA", 0, Money.zero("CAD"));
        ShippingOption toUs = canadianStore.option(ShippingMethod.STANDARD, "US", 0, Money.zero("CAD"));

        // then
        assertThat(toCanada.amount()).isEqualTo(Money.of(599, "CAD"));
        assertThat(toUs.amount()).isEqualTo(Money.of(1499, "CAD"));
    }

    @Test
    void option_shouldRefuseBadInput() {
        ShippingRates rates = ShippingRates.defaults("USD");

        assertThatThrownBy(() -> rates.option(ShippingMethod.STANDARD, "US", -1, NOTHING))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> rates.option(ShippingMethod.STANDARD, "US", 0, Money.zero("EUR")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> rates.option(ShippingMethod.STANDARD, "US", 0, usd(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> rates.option(ShippingMethod.STANDARD, "ZZ", 0, NOTHING))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> rates.options("us", 0, NOTHING)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void option_shouldThrow_ratherThanOverflow() {
        assertThatThrownBy(() -> neverFree.option(ShippingMethod.EXPRESS, "AU", Long.MAX_VALUE, NOTHING))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void constructor_shouldRefuseANegativeThreshold_anUnknownStoreCountry_andAMalformedCurrency() {
        assertThatThrownBy(() -> new ShippingRates("US", "USD", -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ShippingRates("ZZ", "USD", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ShippingRates("US", "usd", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void defaults_shouldShipFromTheUs_withFreeStandardShippingFrom50Dollars() {
        // when
        ShippingRates rates = ShippingRates.defaults("USD");

        // then
        assertThat(rates.storeCountry()).isEqualTo("US");
        assertThat(rates.currency()).isEqualTo("USD");
        assertThat(rates.freeShippingThreshold()).isEqualTo(5000);
    }

    private static Money usd(long amount) {
        return Money.of(amount, "USD");
    }
}
