package dev.storefront.bench.harness;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** A Markdown table: the first column left-aligned (labels), the others right-aligned (figures). */
public final class Table {

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    private Table(List<String> headers) {
        this.headers = headers;
    }

    public static Table of(String... headers) {
        if (headers.length == 0) {
            throw new IllegalArgumentException("a table needs a column");
        }
        return new Table(List.of(headers));
    }

    /** One row; a {@link Collection} among the cells stands for its elements, in order. */
    public Table row(Object... cells) {
        List<String> row = new ArrayList<>();
        for (Object cell : cells) {
            if (cell instanceof Collection<?> several) {
                several.forEach(c -> row.add(String.valueOf(c)));
            } else {
                row.add(String.valueOf(cell));
            }
        }
        if (row.size() != headers.size()) {
            throw new IllegalArgumentException(headers.size() + " columns but a row of " + row.size() + ": " + row);
        }
        rows.add(row);
        return this;
    }

    public String markdown() {
        StringBuilder out = new StringBuilder();
        line(out, headers);
        out.append("|---|");
        out.append("---:|".repeat(headers.size() - 1)).append('\n');
        rows.forEach(row -> line(out, row));
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells) {
        out.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }
}
