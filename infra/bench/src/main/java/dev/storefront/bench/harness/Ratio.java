package dev.storefront.bench.harness;

import java.util.Locale;

/**
 * One measure of a variant over the same measure of a baseline of the same run, e.g. p99 of a payment over p99
 * of a read. Only ratios of one run are compared across runs: absolute figures move with the machine's load.
 */
public record Ratio(String measure, double variant, double baseline) {

    public double value() {
        return variant / baseline;
    }

    /** The ratio as the reports print it, e.g. {@code 1.10x}. */
    public String formatted(int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "fx", value());
    }
}
