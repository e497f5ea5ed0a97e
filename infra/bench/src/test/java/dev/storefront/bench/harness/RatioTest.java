package dev.storefront.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RatioTest {

    @Test
    void value_shouldBeTheVariantOverTheBaseline() {
        Ratio ratio = new Ratio("p99", 720.0, 94.1);

        assertThat(ratio.value()).isCloseTo(7.651, org.assertj.core.data.Offset.offset(0.001));
        assertThat(ratio.formatted(2)).isEqualTo("7.65x");
        assertThat(ratio.formatted(0)).isEqualTo("8x");
    }

    @Test
    void value_shouldBeBelowOne_whenTheVariantIsSmaller() {
        assertThat(new Ratio("throughput", 23, 120).formatted(2)).isEqualTo("0.19x");
    }

    @Test
    void ratioTable_shouldPutEachVariantOnARow_againstTheBaselineOfTheSameRun() {
        // given
        RatioTable table = RatioTable.against("GET /orders/{id}", "throughput", "p50", "p99")
                .row("POST /payments", new Ratio("throughput", 23, 120), new Ratio("p50", 334.6, 64.2),
                        new Ratio("p99", 720.0, 94.1));

        // when
        String markdown = table.markdown();

        // then
        assertThat(markdown).isEqualTo("""
                | vs GET /orders/{id} (same run) | throughput | p50 | p99 |
                |---|---:|---:|---:|
                | POST /payments | 0.19x | 5.21x | 7.65x |
                """);
    }

    @Test
    void ratioTable_shouldReject_ratiosOutOfTheColumnsOrder() {
        RatioTable table = RatioTable.against("reads", "p50", "p99");

        assertThatThrownBy(() -> table.row("writes", new Ratio("p99", 2, 1), new Ratio("p50", 2, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[p50, p99]");
        assertThatThrownBy(() -> table.row("writes", new Ratio("p50", 2, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
