package dev.storefront.domain.shipment;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * Tracking numbers in the formats of the carriers of the rate table, each with its check digit, so a number
 * mistyped by a shopper or a support agent is caught before anyone looks it up:
 *
 * <ul>
 *   <li><b>UPS</b> ({@code 1Z} numbers, 18 characters): {@code 1Z}, the 6-character shipper number, a 2-digit
 *       service code, a 7-digit package number and a mod-10 check digit over the 15 characters after
 *       {@code 1Z} (letters count as {@code (c - 63) mod 10}; odd positions once, even positions twice).
 *       UPS's published sample {@code 1Z999AA10123456784} passes.</li>
 *   <li><b>DHL</b> (Express air waybills, 10 digits): 9 digits and their remainder mod 7.</li>
 * </ul>
 */
public final class TrackingNumbers {

    /** Our UPS shipper number (account), the same on every label. */
    public static final String UPS_SHIPPER = "5F7A21";

    private final RandomGenerator random;

    public TrackingNumbers(RandomGenerator random) {
        this.random = random;
    }

    public static TrackingNumbers secure() {
        return new TrackingNumbers(new SecureRandom());
    }

    /**
     * A new tracking number for {@code carrier} (a carrier name of the rate table: {@code UPS ...} or
     * {@code DHL ...}); {@code express} picks the carrier's express service code where the format has one.
     */
    public String next(String carrier, boolean express) {
        String upper = carrier.toUpperCase(Locale.ROOT);
        if (upper.startsWith("UPS")) {
            String body = UPS_SHIPPER + (express ? "01" : "03") + digits(7);
            return "1Z" + body + upsCheckDigit(body);
        }
        if (upper.startsWith("DHL")) {
            String body = digits(9);
            return body + Long.parseLong(body) % 7;
        }
        throw new IllegalArgumentException("no tracking number format for carrier " + carrier);
    }

    /** Whether {@code number} is a well-formed tracking number of a known format, check digit included. */
    public static boolean isValid(String number) {
        if (number == null) {
            return false;
        }
        if (number.matches("1Z[0-9A-Z]{15}[0-9]")) {
            return upsCheckDigit(number.substring(2, 17)) == number.charAt(17) - '0';
        }
        if (number.matches("[0-9]{10}")) {
            return Long.parseLong(number.substring(0, 9)) % 7 == number.charAt(9) - '0';
        }
        return false;
    }

    static int upsCheckDigit(String fifteen) {
        int sum = 0;
        for (int i = 0; i < fifteen.length(); i++) {
            char c = fifteen.charAt(i);
            int value = Character.isDigit(c) ? c - '0' : (c - 63) % 10;
            sum += (i % 2 == 0) ? value : 2 * value;
        }
        return (10 - sum % 10) % 10;
    }

    private String digits(int count) {
        StringBuilder out = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            out.append((char) ('0' + random.nextInt(10)));
        }
        return out.toString();
    }
}
