package dev.storefront.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void of_shouldTakeP50AndP99ByNearestRank_andTheMaximum() {
        // given: 1..200, shuffled by reversal
        List<Double> values = new ArrayList<>();
        for (int i = 200; i >= 1; i--) {
            values.add((double) i);
        }

        // when
        Percentiles p = Percentiles.of(values);

        // then: rank ceil(0.5 * 200) = 100, ceil(0.99 * 200) = 198
        assertThat(p).isEqualTo(new Percentiles(200, 100, 198, 200));
    }

    @Test
    void of_shouldGiveTheValueItself_forOneValue() {
        assertThat(Percentiles.of(List.of(7))).isEqualTo(new Percentiles(1, 7, 7, 7));
    }

    @Test
    void of_shouldNotTakeTheMeanOfTheMiddleValues_unlikeTheMedian() {
        assertThat(Percentiles.of(List.of(1, 2, 3, 4)).p50()).isEqualTo(2);
        assertThat(Stats.of(List.of(1, 2, 3, 4)).median()).isEqualTo(2.5);
    }

    @Test
    void cells_shouldFormatP50P99AndMax_withTheGivenDecimals() {
        Percentiles p = new Percentiles(3, 1.234, 5.678, 9.999);

        assertThat(p.cells(2)).containsExactly("1.23", "5.68", "10.00");
        assertThat(p.cells(1)).containsExactly("1.2", "5.7", "10.0");
    }

    @Test
    void percentile_shouldTakeTheFirstValue_forAQuantileBelowTheFirstRank() {
        assertThat(Stats.percentile(List.of(5, 1, 3), 0.01)).isEqualTo(1);
        assertThat(Stats.percentile(List.of(5, 1, 3), 1.0)).isEqualTo(5);
    }
}
