package dev.storefront.bench.harness;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * Summary of a sample: median (mean of the two middle values for an even count), minimum and 90th percentile
 * (nearest rank: the smallest value with at least 90% of the sample at or below it).
 */
public record Stats(int count, double median, double min, double p90) {

    public static Stats of(Collection<? extends Number> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        List<Double> sorted = new ArrayList<>(values.size());
        values.forEach(v -> sorted.add(v.doubleValue()));
        Collections.sort(sorted);
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        int p90Rank = (int) Math.ceil(0.9 * n);
        return new Stats(n, median, sorted.get(0), sorted.get(p90Rank - 1));
    }

    /** The {@code q}-quantile (0 &lt; q &le; 1) by nearest rank, e.g. 0.99 for p99. */
    public static double percentile(Collection<? extends Number> values, double q) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        List<Double> sorted = new ArrayList<>(values.size());
        values.forEach(v -> sorted.add(v.doubleValue()));
        Collections.sort(sorted);
        int rank = (int) Math.ceil(q * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }
}
