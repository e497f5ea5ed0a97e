package dev.storefront.bench.harness;

import java.util.ArrayList;
import java.util.List;

/**
 * Variants against one baseline of the same run, measure by measure, as a Markdown table:
 *
 * <pre>
 * | vs no contention (same run) | throughput | p50 | p99 |
 * |---|---:|---:|---:|
 * | contention | 1.10x | 0.95x | 0.48x |
 * </pre>
 */
public final class RatioTable {

    private final String baseline;
    private final List<String> measures;
    private final Table table;

    private RatioTable(String baseline, List<String> measures) {
        this.baseline = baseline;
        this.measures = measures;
        List<String> headers = new ArrayList<>(List.of("vs " + baseline + " (same run)"));
        headers.addAll(measures);
        this.table = Table.of(headers.toArray(String[]::new));
    }

    /** @param measures the columns; each row gives one {@link Ratio} per measure, in this order */
    public static RatioTable against(String baseline, String... measures) {
        return new RatioTable(baseline, List.of(measures));
    }

    public RatioTable row(String variant, Ratio... ratios) {
        List<String> cells = new ArrayList<>(List.of(variant));
        for (int i = 0; i < ratios.length; i++) {
            if (i >= measures.size() || !ratios[i].measure().equals(measures.get(i))) {
                throw new IllegalArgumentException("ratios must follow the columns " + measures + " of " + baseline);
            }
            cells.add(ratios[i].formatted(2));
        }
        table.row(cells.toArray());
        return this;
    }

    public String markdown() {
        return table.markdown();
    }
}
