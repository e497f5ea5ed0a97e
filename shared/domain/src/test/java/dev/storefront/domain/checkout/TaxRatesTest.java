package dev.storefront.domain.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storefront.domain.Money;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TaxRatesTest {

    private final TaxRates taxes = new TaxRates();

    @ParameterizedTest
    @CsvSource({
        "US, 725", "CA, 500", "MX, 1600", "GB, 2000", "DE, 1900", "FR, 2000", "NL, 2100", "IE, 2300",
        "ES, 2100", "IT, 2200", "SE, 2500", "DK, 2500", "CH, 810", "NO, 2500", "JP, 1000", "AU, 1000",
        "NZ, 1500", "SG, 900", "IN, 1800", "BR, 1700",
        "AE, 0", "AQ, 0", "AT, 0", "ZA, 0"})
    void basisPoints_shouldFollowTheDefaultTable(String country, int basisPoints) {
        assertThat(taxes.basisPoints(country)).isEqualTo(basisPoints);
    }

    @Test
    void tax_shouldApplyTheRateOfTheCountry() {
        assertThat(taxes.tax(usd(10_000), "US")).isEqualTo(usd(725));
        assertThat(taxes.tax(usd(10_000), "DE")).isEqualTo(usd(1900));
        assertThat(taxes.tax(usd(10_000), "CH")).isEqualTo(usd(810));
        assertThat(taxes.tax(usd(10_000), "AE")).isEqualTo(usd(0));
    }

    @ParameterizedTest
    @CsvSource({
        // 10 %: exactly half a minor unit, where half-up would give 3, 4, 2 and 5
        "AU, 25, 2", "AU, 35, 4", "AU, 15, 2", "AU, 45, 4",
        // 7.25 % of 200 is 14.5 and of 600 is 43.5 (half-up: 15 and 44)
        "US, 200, 14", "US, 600, 44"})
    void tax_shouldRoundHalfEven_atTheMinorUnit(String country, long taxable, long tax) {
        assertThat(taxes.tax(usd(taxable), country)).isEqualTo(usd(tax));
    }

    @ParameterizedTest
    @CsvSource({
        // 7.25 % of 19.99 is 1.449275; of 0.01 is 0.000725; of 0.07 is 0.005075
        "US, 1999, 145", "US, 1, 0", "US, 7, 1",
        // 19 % of 0.03 is 0.0057; 8.1 % of 0.06 is 0.00486
        "DE, 3, 1", "CH, 6, 0", "US, 0, 0"})
    void tax_shouldRoundToTheNearestMinorUnit_whenNotAtHalf(String country, long taxable, long tax) {
        assertThat(taxes.tax(usd(taxable), country)).isEqualTo(usd(tax));
    }

    @Test
    void tax_shouldStayExact_forTheLargestAmount() {
        // given: a quarter of Long.MAX_VALUE ends in .75, which a double could not even represent
        Money taxable = usd(Long.MAX_VALUE);

        // when
        Money tax = taxes.tax(taxable, "SE");

        // then
        assertThat(tax).isEqualTo(usd(Long.MAX_VALUE / 4 + 1));
    }

    @Test
    void tax_shouldKeepTheCurrencyOfTheTaxableAmount() {
        assertThat(taxes.tax(Money.of(10_000, "EUR"), "FR")).isEqualTo(Money.of(2000, "EUR"));
    }

    @Test
    void tax_shouldRefuseANegativeTaxableAmount() {
        assertThatThrownBy(() -> taxes.tax(usd(-1), "US")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void constructor_shouldTakeATableOfOnesOwn_withOtherCountriesAtZero() {
        // given
        TaxRates half = new TaxRates(Map.of("US", 5000));

        // when / then: 2.5 and 3.5 minor units round to the even neighbour
        assertThat(half.tax(usd(5), "US")).isEqualTo(usd(2));
        assertThat(half.tax(usd(7), "US")).isEqualTo(usd(4));
        assertThat(half.tax(usd(100), "DE")).isEqualTo(usd(0));
    }

    @Test
    void constructor_shouldRefuseUnknownCountries_andRatesOutside0To10000BasisPoints() {
        assertThatThrownBy(() -> new TaxRates(Map.of("usa", 725))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TaxRates(Map.of("US", -1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TaxRates(Map.of("US", 10_001))).isInstanceOf(IllegalArgumentException.class);
        assertThat(new TaxRates(Map.of("US", 10_000)).tax(usd(123), "US")).isEqualTo(usd(123));
    }

    private static Money usd(long amount) {
        return Money.of(amount, "USD");
    }
}
