package dev.storefront.domain.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storefront.domain.error.FieldError;
import dev.storefront.domain.error.ValidationException;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ShippingAddressRulesTest {

    private static final ShippingAddress VALID = new ShippingAddress("Ada Lovelace", "12 Analytical Row", "Apt 3",
            "Springfield", "IL", "62704", "US");

    @Test
    void check_shouldAcceptAFullAddress_andOneWithoutOptionalFields() {
        // given
        ShippingAddress minimal = new ShippingAddress("Ada", "1 Main St", null, "Springfield", null, "62704", "US");

        // when / then
        assertThat(ShippingAddressRules.check(VALID)).isEmpty();
        assertThat(ShippingAddressRules.check(minimal)).isEmpty();
    }

    @Test
    void check_shouldNameEveryMissingRequiredField() {
        // given
        ShippingAddress empty = new ShippingAddress(null, null, null, null, null, null, null);

        // when
        List<FieldError> errors = ShippingAddressRules.check(empty);

        // then
        assertThat(errors).extracting(FieldError::field).containsExactly("shippingAddress.name",
                "shippingAddress.line1", "shippingAddress.city", "shippingAddress.postalCode",
                "shippingAddress.country");
        assertThat(errors.get(0).message()).isEqualTo("must not be empty");
    }

    @Test
    void check_shouldTreatBlankRequiredFieldsAsEmpty() {
        // given
        ShippingAddress blank = new ShippingAddress(" ", "\t", "  ", "\n", " ", "  ", " ");

        // when / then
        assertThat(fields(blank)).containsExactly("shippingAddress.name", "shippingAddress.line1",
                "shippingAddress.city", "shippingAddress.postalCode", "shippingAddress.country");
    }

    @Test
    void check_shouldReportAMissingAddress() {
        // when
        List<FieldError> errors = ShippingAddressRules.check(null);

        // then
        assertThat(errors).containsExactly(new FieldError("shippingAddress", "is required"));
    }

    @Test
    void check_shouldLimitTheNameTo100Characters() {
        assertThat(fields(with(a -> name(a, "n".repeat(100))))).isEmpty();
        assertThat(fields(with(a -> name(a, "n".repeat(101))))).containsExactly("shippingAddress.name");
    }

    @Test
    void check_shouldLimitTheAddressLinesTo200Characters() {
        assertThat(fields(with(a -> lines(a, "l".repeat(200), "l".repeat(200))))).isEmpty();
        assertThat(fields(with(a -> lines(a, "l".repeat(201), "ok")))).containsExactly("shippingAddress.line1");
        assertThat(fields(with(a -> lines(a, "ok", "l".repeat(201))))).containsExactly("shippingAddress.line2");
    }

    @Test
    void check_shouldLimitCityAndRegionTo100Characters() {
        assertThat(fields(with(a -> cityRegion(a, "c".repeat(100), "r".repeat(100))))).isEmpty();
        assertThat(fields(with(a -> cityRegion(a, "c".repeat(101), "IL")))).containsExactly("shippingAddress.city");
        assertThat(fields(with(a -> cityRegion(a, "Springfield", "r".repeat(101)))))
                .containsExactly("shippingAddress.region");
    }

    @Test
    void check_shouldLimitThePostalCodeTo16Characters() {
        // given: Japan has no national format here, so only the general rule applies
        ShippingAddress sixteen = postal("1234567890-ABCDE", "JP");
        ShippingAddress seventeen = postal("1234567890-ABCDEF", "JP");

        // when / then
        assertThat(fields(sixteen)).isEmpty();
        assertThat(fields(seventeen)).containsExactly("shippingAddress.postalCode");
    }

    @Test
    void check_shouldCountCodePoints_notUtf16Units() {
        // given: 100 characters outside the Basic Multilingual Plane are 200 UTF-16 units
        String hundredEmoji = "\uD83D\uDE00".repeat(100);

        // when / then
        assertThat(fields(with(a -> name(a, hundredEmoji)))).isEmpty();
        assertThat(fields(with(a -> name(a, hundredEmoji + "x")))).containsExactly("shippingAddress.name");
    }

    @Test
    void check_shouldMeasureLengthsAfterStripping() {
        // given
        ShippingAddress padded = with(a -> name(a, "  " + "n".repeat(100) + "\t "));

        // when / then
        assertThat(fields(padded)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0000", "\n", "\r", "\t", "\u0007", "\u001B", "\u007F", "\u0085", "\u2028", "\u2029"})
    void check_shouldRejectControlCharactersAndLineBreaks_insideEveryField(String control) {
        // given: the character sits inside each value, where stripping cannot remove it
        String bad = "A" + control + "B";
        ShippingAddress address = new ShippingAddress(bad, bad, bad, bad, bad, "12" + control + "345", "US");

        // when
        List<FieldError> errors = ShippingAddressRules.check(address);

        // then
        assertThat(errors).extracting(FieldError::field).containsExactly("shippingAddress.name",
                "shippingAddress.line1", "shippingAddress.line2", "shippingAddress.city", "shippingAddress.region",
                "shippingAddress.postalCode");
        assertThat(errors.get(0).message()).contains("control characters");
    }

    @Test
    void check_shouldRejectAControlCharacterInTheCountry() {
        assertThat(fields(postal("62704", "U\u0000S"))).containsExactly("shippingAddress.country");
    }

    @Test
    void check_shouldAcceptNonLatinLettersAndPunctuation() {
        // given
        ShippingAddress tokyo = new ShippingAddress("山田 太郎", "千代田区千代田1-1", "Bldg. #2, Rm 3/4", "東京",
                "東京都", "100-0001", "JP");

        // when / then
        assertThat(fields(tokyo)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"us", "Us", "USA", "ZZ", "XX", "U", "U S", "1A", "840", "UK"})
    void check_shouldRejectCountriesThatAreNotUpperCaseIsoAlpha2Codes(String country) {
        // when
        List<FieldError> errors = ShippingAddressRules.check(postal("1234", country));

        // then
        assertThat(errors).extracting(FieldError::field).containsExactly("shippingAddress.country");
        assertThat(errors.get(0).message()).contains("ISO 3166-1 alpha-2");
    }

    @Test
    void check_shouldAcceptEveryIsoCountryCodeTheJdkKnows() {
        for (String country : Locale.getISOCountries()) {
            assertThat(ShippingAddressRules.isCountryCode(country)).as(country).isTrue();
        }
        assertThat(fields(postal("1000", "AQ"))).isEmpty();
        assertThat(ShippingAddressRules.isCountryCode(null)).isFalse();
        assertThat(ShippingAddressRules.isCountryCode(" US")).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
        "US, 12345", "US, 12345-6789", "US, 00501",
        "CA, K1A 0B1", "CA, K1A0B1", "CA, k1a 0b1", "CA, H3Z 2Y7",
        "GB, SW1A 1AA", "GB, SW1A1AA", "GB, sw1a 1aa", "GB, EC1A 1BB", "GB, W1A 0AX", "GB, M1 1AE",
        "GB, B33 8TH", "GB, CR2 6XH", "GB, DN55 1PT", "GB, GIR 0AA",
        "DE, 10115", "DE, 01067", "FR, 75001", "FR, 97400",
        "NL, 1234 AB", "NL, 1234AB", "NL, 1011 ab",
        "JP, 100-0001", "IE, D02 X285", "BR, 01310-100", "SE, 114 55", "AQ, 1"})
    void check_shouldAcceptPostalCodesInTheNationalFormat(String country, String postalCode) {
        assertThat(fields(postal(postalCode, country))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "US, 1234", "US, 123456", "US, 12345-678", "US, 12345 6789", "US, ABCDE", "US, 12345-",
        "CA, 123 456", "CA, D1A 1A1", "CA, K1A-0B1", "CA, K1A  0B1", "CA, K1A 0B", "CA, KK1 0B1",
        "GB, 12345", "GB, QA1 1AA", "GB, SW1A 1A", "GB, SW1A 1AAA", "GB, SW1A  1AA", "GB, SW1A 1CA",
        "GB, 1AA",
        "DE, 1011", "DE, 101150", "DE, 1O115", "FR, 7500A", "FR, 75 001",
        "NL, 0123 AB", "NL, 1234 A", "NL, 1234-AB", "NL, 12345 AB",
        "JP, 100#0001", "JP, ---", "JP, 100_0001", "JP, ¹²³"})
    void check_shouldRejectPostalCodesOutsideTheFormat(String country, String postalCode) {
        // when
        List<FieldError> errors = ShippingAddressRules.check(postal(postalCode, country));

        // then
        assertThat(errors).extracting(FieldError::field).containsExactly("shippingAddress.postalCode");
    }

    @Test
    void check_shouldGiveAnExampleOfTheNationalFormat() {
        // when
        List<FieldError> errors = ShippingAddressRules.check(postal("1234", "US"));

        // then
        assertThat(errors).containsExactly(new FieldError("shippingAddress.postalCode",
                "must be a postal code of US, e.g. 12345 or 12345-6789"));
    }

    @Test
    void check_shouldApplyOnlyTheGeneralPostalRule_whenTheCountryIsInvalid() {
        // given: "ABC" is no US ZIP code, but "usa" is no country at all
        ShippingAddress unknownCountry = postal("ABC", "usa");
        ShippingAddress bothWrong = postal("A#C", "usa");

        // when / then
        assertThat(fields(unknownCountry)).containsExactly("shippingAddress.country");
        assertThat(fields(bothWrong)).containsExactly("shippingAddress.postalCode", "shippingAddress.country");
    }

    @Test
    void validate_shouldReturnTheStrippedAddress_withBlankOptionalFieldsAbsent() {
        // given
        ShippingAddress typed = new ShippingAddress("  Ada Lovelace ", "\t12 Analytical Row\n", "   ",
                " Springfield ", "", " 62704 ", " US ");

        // when
        ShippingAddress stored = ShippingAddressRules.validate(typed);

        // then
        assertThat(stored).isEqualTo(new ShippingAddress("Ada Lovelace", "12 Analytical Row", null, "Springfield",
                null, "62704", "US"));
    }

    @ParameterizedTest
    @CsvSource({
        "CA, k1a0b1, K1A 0B1", "CA, K1A 0B1, K1A 0B1",
        "GB, sw1a1aa, SW1A 1AA", "GB, m11ae, M1 1AE", "GB, gir0aa, GIR 0AA",
        "NL, 1234ab, 1234 AB", "NL, 1234 ab, 1234 AB",
        "US, 12345-6789, 12345-6789", "IE, d02 x285, D02 X285"})
    void validate_shouldStorePostalCodesInUpperCase_withTheNationalSpace(String country, String typed,
            String stored) {
        assertThat(ShippingAddressRules.validate(postal(typed, country)).postalCode()).isEqualTo(stored);
    }

    @Test
    void validate_shouldThrowAValidationException_namingEveryBadField() {
        // given
        ShippingAddress bad = new ShippingAddress("", "1 Main St", null, "Springfield", null, "1234", "usa");

        // when / then
        assertThatThrownBy(() -> ShippingAddressRules.validate(bad))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.type()).isEqualTo("validation");
                    assertThat(e.errors()).extracting(FieldError::field).containsExactly("shippingAddress.name",
                            "shippingAddress.country");
                });
    }

    private static List<String> fields(ShippingAddress address) {
        return ShippingAddressRules.check(address).stream().map(FieldError::field).toList();
    }

    private static ShippingAddress with(UnaryOperator<ShippingAddress> change) {
        return change.apply(VALID);
    }

    private static ShippingAddress postal(String postalCode, String country) {
        return new ShippingAddress(VALID.name(), VALID.line1(), VALID.line2(), VALID.city(), VALID.region(),
                postalCode, country);
    }

    private static ShippingAddress name(ShippingAddress a, String name) {
        return new ShippingAddress(name, a.line1(), a.line2(), a.city(), a.region(), a.postalCode(), a.country());
    }

    private static ShippingAddress lines(ShippingAddress a, String line1, String line2) {
        return new ShippingAddress(a.name(), line1, line2, a.city(), a.region(), a.postalCode(), a.country());
    }

    private static ShippingAddress cityRegion(ShippingAddress a, String city, String region) {
        return new ShippingAddress(a.name(), a.line1(), a.line2(), city, region, a.postalCode(), a.country());
    }
}
