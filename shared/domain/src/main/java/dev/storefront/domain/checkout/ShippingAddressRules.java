package dev.storefront.domain.checkout;

import dev.storefront.domain.error.FieldError;
import dev.storefront.domain.error.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Input rules of a {@link ShippingAddress}. Errors name the field as the API does, e.g.
 * {@code shippingAddress.postalCode}, so the HTTP layer can answer 400 with them as they are.
 *
 * <p>Every field is stripped of surrounding white space before it is checked and stored; a blank optional
 * field ({@code line2}, {@code region}) counts as absent. Lengths are counted in Unicode code points.
 *
 * <ul>
 *   <li>{@code name} 1-100, {@code line1} 1-200, {@code line2} 0-200, {@code city} 1-100, {@code region} 0-100.
 *   <li>No field may contain control characters (new lines and tabs included) or Unicode line or paragraph
 *       separators: an address is printed on a label, one field per line.
 *   <li>{@code country} is an ISO 3166-1 alpha-2 code as {@link Locale#getISOCountries()} knows it, in upper
 *       case exactly: {@code us}, {@code USA} and {@code ZZ} are refused, not guessed at.
 *   <li>{@code postalCode} is 1-16 letters, digits, spaces or '-', with at least one letter or digit; for the
 *       countries below it must also have the national format. Letters may be typed in either case; the stored
 *       form is upper case, and for CA, GB and NL the separating space is put in when it was left out.
 * </ul>
 *
 * <p>National postal code formats (letters compared in upper case):
 * <pre>
 * | country | format                                                          | example              |
 * |---------|-----------------------------------------------------------------|----------------------|
 * | US      | 5 digits, optionally '-' and 4 more (ZIP+4)                     | 12345, 12345-6789    |
 * | CA      | letter digit letter, optional space, digit letter digit         | K1A 0B1, K1A0B1      |
 * |         | (only the letters Canada Post uses in each position)            |                      |
 * | GB      | outward code A9, A99, AA9, AA99, A9A or AA9A, optional space,   | SW1A 1AA, M1 1AE     |
 * |         | inward code 9AA (Royal Mail's letter rules); also GIR 0AA       |                      |
 * | DE, FR  | 5 digits                                                        | 10115, 75001         |
 * | NL      | 4 digits not starting with 0, optional space, 2 letters         | 1234 AB, 1234AB      |
 * </pre>
 */
public final class ShippingAddressRules {

    public static final int NAME_MAX = 100;
    public static final int LINE_MAX = 200;
    public static final int CITY_MAX = 100;
    public static final int REGION_MAX = 100;
    public static final int POSTAL_CODE_MAX = 16;

    /** Prefix of every field name in the errors, as the address is nested in the checkout request. */
    public static final String FIELD_PREFIX = "shippingAddress.";

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Pattern POSTAL_CODE = Pattern.compile("[A-Za-z0-9 -]*[A-Za-z0-9][A-Za-z0-9 -]*");
    private static final Map<String, PostalFormat> POSTAL_FORMATS = Map.of(
            "US", new PostalFormat("[0-9]{5}(-[0-9]{4})?", "12345 or 12345-6789", 0),
            "CA", new PostalFormat("[ABCEGHJ-NPRSTVXY][0-9][ABCEGHJ-NPRSTV-Z] ?[0-9][ABCEGHJ-NPRSTV-Z][0-9]",
                    "K1A 0B1", 3),
            "GB", new PostalFormat("GIR ?0AA|[A-PR-UWYZ](?:[0-9]{1,2}|[A-HK-Y][0-9]{1,2}|[0-9][A-HJKPSTUW]"
                    + "|[A-HK-Y][0-9][ABEHMNPRVWXY]) ?[0-9][ABD-HJLNP-UW-Z]{2}", "SW1A 1AA", 3),
            "DE", new PostalFormat("[0-9]{5}", "10115", 0),
            "FR", new PostalFormat("[0-9]{5}", "75001", 0),
            "NL", new PostalFormat("[1-9][0-9]{3} ?[A-Z]{2}", "1234 AB", 2));

    private ShippingAddressRules() {
    }

    /** The problems of an address, at most one per field; empty when it can be shipped to. */
    public static List<FieldError> check(ShippingAddress address) {
        if (address == null) {
            return List.of(new FieldError("shippingAddress", "is required"));
        }
        List<FieldError> errors = new ArrayList<>();
        text("name", address.name(), 1, NAME_MAX).ifPresent(errors::add);
        text("line1", address.line1(), 1, LINE_MAX).ifPresent(errors::add);
        text("line2", address.line2(), 0, LINE_MAX).ifPresent(errors::add);
        text("city", address.city(), 1, CITY_MAX).ifPresent(errors::add);
        text("region", address.region(), 0, REGION_MAX).ifPresent(errors::add);
        String country = strip(address.country());
        boolean countryValid = isCountryCode(country);
        checkPostalCode(address.postalCode(), countryValid ? country : null).ifPresent(errors::add);
        if (!countryValid) {
            errors.add(new FieldError(FIELD_PREFIX + "country",
                    "must be an ISO 3166-1 alpha-2 country code in upper case, e.g. US"));
        }
        return errors;
    }

    /**
     * The address in its stored form (see the class comment), provided it passes {@link #check}.
     *
     * @throws ValidationException naming every field in error
     */
    public static ShippingAddress validate(ShippingAddress address) {
        List<FieldError> errors = check(address);
        if (!errors.isEmpty()) {
            throw new ValidationException("validation", "The shipping address is not valid.", errors);
        }
        return normalize(address);
    }

    /** An address stripped and with its postal code in the national form; meant for one that passed {@link #check}. */
    public static ShippingAddress normalize(ShippingAddress address) {
        String country = strip(address.country());
        return new ShippingAddress(strip(address.name()), strip(address.line1()), optional(address.line2()),
                strip(address.city()), optional(address.region()), postalCode(address.postalCode(), country),
                country);
    }

    /**
     * The problems of a destination given as country and postal code alone (a rate enquiry), named
     * {@code country} and {@code postalCode}.
     */
    public static List<FieldError> checkDestination(String country, String postalCode) {
        List<FieldError> errors = new ArrayList<>();
        for (FieldError error : check(new ShippingAddress("-", "-", null, "-", null, postalCode, country))) {
            errors.add(new FieldError(error.field().substring(FIELD_PREFIX.length()), error.message()));
        }
        return errors;
    }

    /** Whether {@code country} is an ISO 3166-1 alpha-2 code, upper case, exactly (no white space around it). */
    public static boolean isCountryCode(String country) {
        return country != null && COUNTRIES.contains(country);
    }

    private static Optional<FieldError> text(String field, String value, int min, int max) {
        String stripped = strip(value);
        int length = stripped == null ? 0 : stripped.codePointCount(0, stripped.length());
        if (length < min) {
            return error(field, "must not be empty");
        }
        if (length > max) {
            return error(field, "must be at most " + max + " characters");
        }
        if (length > 0 && stripped.codePoints().anyMatch(ShippingAddressRules::isControl)) {
            return error(field, "must not contain control characters or line breaks");
        }
        return Optional.empty();
    }

    private static Optional<FieldError> checkPostalCode(String value, String country) {
        Optional<FieldError> textError = text("postalCode", value, 1, POSTAL_CODE_MAX);
        if (textError.isPresent()) {
            return textError;
        }
        String stripped = strip(value);
        if (!POSTAL_CODE.matcher(stripped).matches()) {
            return error("postalCode", "must hold only letters, digits, spaces and '-'");
        }
        PostalFormat format = country == null ? null : POSTAL_FORMATS.get(country);
        if (format != null && !format.pattern().matcher(stripped.toUpperCase(Locale.ROOT)).matches()) {
            return error("postalCode", "must be a postal code of " + country + ", e.g. " + format.example());
        }
        return Optional.empty();
    }

    private static String postalCode(String value, String country) {
        String stripped = strip(value);
        if (stripped == null) {
            return null;
        }
        String upper = stripped.toUpperCase(Locale.ROOT);
        PostalFormat format = country == null ? null : POSTAL_FORMATS.get(country);
        if (format == null || format.inwardLength() == 0 || upper.indexOf(' ') >= 0
                || upper.length() <= format.inwardLength()) {
            return upper;
        }
        int split = upper.length() - format.inwardLength();
        return upper.substring(0, split) + ' ' + upper.substring(split);
    }

    private static boolean isControl(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }

    private static Optional<FieldError> error(String field, String message) {
        return Optional.of(new FieldError(FIELD_PREFIX + field, message));
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    private static String optional(String value) {
        String stripped = strip(value);
        return stripped == null || stripped.isEmpty() ? null : stripped;
    }

    /**
     * @param inwardLength characters after the separating space in the national form; 0 when there is none
     */
    private record PostalFormat(Pattern pattern, String example, int inwardLength) {

        PostalFormat(String regex, String example, int inwardLength) {
            this(Pattern.compile(regex), example, inwardLength);
        }
    }
}
