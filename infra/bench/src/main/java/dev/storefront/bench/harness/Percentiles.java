package dev.storefront.bench.harness;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The latency summary the benches print: count, p50 and p99 by nearest rank ({@link Stats#percentile}) and the
 * maximum.
 */
public record Percentiles(int count, double p50, double p99, double max) {

    public static Percentiles of(Collection<? extends Number> values) {
        return new Percentiles(values.size(), Stats.percentile(values, 0.5), Stats.percentile(values, 0.99),
                Collections.max(values.stream().map(Number::doubleValue).toList()));
    }

    /** p50, p99 and max, each with {@code decimals} decimals: the cells of a latency table row. */
    public List<String> cells(int decimals) {
        String format = "%." + decimals + "f";
        return List.of(String.format(Locale.ROOT, format, p50), String.format(Locale.ROOT, format, p99),
                String.format(Locale.ROOT, format, max));
    }
}
