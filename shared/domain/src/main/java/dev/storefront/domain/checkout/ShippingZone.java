package dev.storefront.domain.checkout;

import java.util.Set;

/**
 * Where a parcel goes, seen from the store's country; {@link ShippingRates} prices by zone.
 *
 * <ul>
 *   <li>{@link #DOMESTIC}: the store's own country (configured, {@value ShippingRates#DEFAULT_STORE_COUNTRY}
 *       by default).
 *   <li>{@link #NORTH_AMERICA}: US, CA and MX, except the store's country.
 *   <li>{@link #EUROPE}: the 27 EU member states plus GB, CH, NO, IS and LI, except the store's country.
 *   <li>{@link #REST_OF_WORLD}: every other country.
 * </ul>
 */
public enum ShippingZone {

    DOMESTIC,
    NORTH_AMERICA,
    EUROPE,
    REST_OF_WORLD;

    private static final Set<String> NORTH_AMERICAN = Set.of("US", "CA", "MX");
    private static final Set<String> EUROPEAN = Set.of(
            "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV",
            "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
            "GB", "CH", "NO", "IS", "LI");

    /**
     * The zone of {@code country} for a store in {@code storeCountry}.
     *
     * @throws IllegalArgumentException when either is not an ISO 3166-1 alpha-2 code in upper case
     */
    public static ShippingZone of(String country, String storeCountry) {
        requireCountryCode(country, "country");
        requireCountryCode(storeCountry, "storeCountry");
        if (country.equals(storeCountry)) {
            return DOMESTIC;
        }
        if (NORTH_AMERICAN.contains(country)) {
            return NORTH_AMERICA;
        }
        if (EUROPEAN.contains(country)) {
            return EUROPE;
        }
        return REST_OF_WORLD;
    }

    static void requireCountryCode(String country, String what) {
        if (!ShippingAddressRules.isCountryCode(country)) {
            throw new IllegalArgumentException(what + " must be an ISO 3166-1 alpha-2 code in upper case: " + country);
        }
    }
}
