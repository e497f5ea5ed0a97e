package dev.storefront.local.e2e;

import static dev.storefront.local.e2e.Shop.assertProblem;
import static dev.storefront.local.e2e.Shop.errorFields;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storefront.domain.Money;
import dev.storefront.domain.checkout.ShippingMethod;
import dev.storefront.domain.checkout.ShippingOption;
import dev.storefront.domain.checkout.ShippingRates;
import dev.storefront.local.e2e.Http.Response;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code GET /shipping/rates} end to end, on the shop's shared stack: the same table as checkout, and every bad
 * parameter named.
 */
class ShippingRatesE2EIT extends SharedStackE2E {

    private static final ShippingRates RATES = ShippingRates.defaults("USD");

    @ParameterizedTest(name = "{0} {1} {2} g, subtotal {3}")
    @MethodSource("destinations")
    void rates_shouldBeTheCheckoutTable_forEveryZone(String country, String postalCode, long weight, long subtotal) {
        // when
        Response response = stack.http().get("/shipping/rates?country=" + country + "&postalCode="
                + postalCode.replace(" ", "%20") + "&weightGrams=" + weight + "&subtotal=" + subtotal);

        // then
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        List<ShippingOption> expected = RATES.options(country, weight, Money.of(subtotal, "USD"));
        JsonNode options = response.json().path("options");
        assertThat(options).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            JsonNode option = options.get(i);
            assertThat(option.path("method").asText()).isEqualTo(expected.get(i).method().wireName());
            assertThat(option.path("carrier").asText()).isEqualTo(expected.get(i).carrier());
            assertThat(option.path("amount").path("amount").asLong()).isEqualTo(expected.get(i).amount().amount());
            assertThat(option.path("amount").path("currency").asText()).isEqualTo("USD");
            assertThat(option.path("estimatedDays").asInt()).isEqualTo(expected.get(i).estimatedDays());
        }
    }

    static Stream<Arguments> destinations() {
        return Stream.of(
                Arguments.of("US", "62701", 0, 0),
                Arguments.of("US", "62701", 1200, 4999),
                Arguments.of("CA", "K1A 0B1", 501, 100),
                Arguments.of("DE", "10115", 2500, 20000),
                Arguments.of("JP", "100-0001", 10_000, 1));
    }

    @Test
    void rates_shouldMakeStandardShippingFree_fromTheThreshold_butNeverExpress() {
        long threshold = RATES.freeShippingThreshold();

        JsonNode below = stack.http().get("/shipping/rates?country=US&postalCode=62701&weightGrams=800&subtotal="
                + (threshold - 1)).json().path("options");
        JsonNode at = stack.http().get("/shipping/rates?country=US&postalCode=62701&weightGrams=800&subtotal=" + threshold)
                .json().path("options");

        assertThat(below.get(0).path("amount").path("amount").asLong()).isPositive();
        assertThat(at.get(0).path("method").asText()).isEqualTo(ShippingMethod.STANDARD.wireName());
        assertThat(at.get(0).path("amount").path("amount").asLong()).isZero();
        assertThat(at.get(1).path("amount").path("amount").asLong()).isPositive();
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("badQueries")
    void rates_shouldAnswer400NamingEveryBadParameter(String query, List<String> fields) {
        Response response = stack.http().get("/shipping/rates" + query);

        assertThat(errorFields(assertProblem(response, 400))).containsExactlyInAnyOrderElementsOf(fields);
    }

    static Stream<Arguments> badQueries() {
        return Stream.of(
                Arguments.of("", List.of("country", "postalCode", "weightGrams", "subtotal")),
                Arguments.of("?country=ZZ&postalCode=12345&weightGrams=1&subtotal=1", List.of("country")),
                Arguments.of("?country=us&postalCode=12345&weightGrams=1&subtotal=1", List.of("country")),
                Arguments.of("?country=US&postalCode=ABCDE&weightGrams=1&subtotal=1", List.of("postalCode")),
                Arguments.of("?country=US&postalCode=12345&weightGrams=-1&subtotal=1", List.of("weightGrams")),
                Arguments.of("?country=US&postalCode=12345&weightGrams=1.5&subtotal=abc", List.of("weightGrams", "subtotal")),
                Arguments.of("?country=US&postalCode=12345&weightGrams=99999999999999999999&subtotal=1", List.of("weightGrams")),
                Arguments.of("?country=US&postalCode=12345&weightGrams=1&subtotal=1&colour=red", List.of("colour")));
    }
}
