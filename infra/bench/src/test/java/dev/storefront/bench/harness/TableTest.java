package dev.storefront.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableTest {

    @Test
    void markdown_shouldAlignTheLabelsLeftAndTheFiguresRight() {
        String markdown = Table.of("product detail (ms)", "n", "p50", "p99", "max")
                .row("cache hit (Redis HGET)", 2000, List.of("0.27", "0.70", "5.51"))
                .markdown();

        assertThat(markdown).isEqualTo("""
                | product detail (ms) | n | p50 | p99 | max |
                |---|---:|---:|---:|---:|
                | cache hit (Redis HGET) | 2000 | 0.27 | 0.70 | 5.51 |
                """);
    }

    @Test
    void row_shouldReject_aRowWithAnotherNumberOfCells() {
        Table table = Table.of("a", "b");

        assertThatThrownBy(() -> table.row("only one")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 columns but a row of 1");
    }
}
