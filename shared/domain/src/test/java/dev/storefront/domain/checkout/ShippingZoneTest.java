package dev.storefront.domain.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShippingZoneTest {

    private static final List<String> EUROPE = List.of(
            "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV",
            "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
            "GB", "CH", "NO", "IS", "LI");

    @ParameterizedTest
    @CsvSource({
        "US, US, DOMESTIC", "CA, US, NORTH_AMERICA", "MX, US, NORTH_AMERICA", "DE, US, EUROPE",
        "JP, US, REST_OF_WORLD", "AU, US, REST_OF_WORLD", "BR, US, REST_OF_WORLD", "RU, US, REST_OF_WORLD",
        "TR, US, REST_OF_WORLD", "ZA, US, REST_OF_WORLD",
        "CA, CA, DOMESTIC", "US, CA, NORTH_AMERICA", "MX, CA, NORTH_AMERICA",
        "DE, DE, DOMESTIC", "FR, DE, EUROPE", "GB, DE, EUROPE", "US, DE, NORTH_AMERICA", "JP, DE, REST_OF_WORLD",
        "GB, GB, DOMESTIC", "JP, JP, DOMESTIC"})
    void of_shouldPlaceTheCountry_relativeToTheStoreCountry(String country, String storeCountry,
            ShippingZone zone) {
        assertThat(ShippingZone.of(country, storeCountry)).isEqualTo(zone);
    }

    @Test
    void of_shouldPlaceTheEuropeanUnionAndItsNeighboursInEurope() {
        // given
        assertThat(EUROPE).hasSize(27 + 5).doesNotHaveDuplicates();

        // when / then
        for (String country : EUROPE) {
            assertThat(ShippingZone.of(country, "US")).as(country).isEqualTo(ShippingZone.EUROPE);
        }
    }

    @Test
    void of_shouldRejectCodesThatAreNotUpperCaseIsoAlpha2() {
        assertThatThrownBy(() -> ShippingZone.of("us", "US")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ShippingZone.of("ZZ", "US")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ShippingZone.of(null, "US")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ShippingZone.of("US", "USA")).isInstanceOf(IllegalArgumentException.class);
    }
}
