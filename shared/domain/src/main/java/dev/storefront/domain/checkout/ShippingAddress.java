package dev.storefront.domain.checkout;

/**
 * Where an order is shipped, as the shopper typed it. The record holds whatever was received (any field
 * may be null or blank); {@link ShippingAddressRules#validate} checks it and returns the stored form.
 *
 * @param line2 optional; null when absent
 * @param region state, province or county; optional, null when absent
 * @param country ISO 3166-1 alpha-2 code in upper case, e.g. {@code US}
 */
public record ShippingAddress(
        String name,
        String line1,
        String line2,
        String city,
        String region,
        String postalCode,
        String country) {
}
