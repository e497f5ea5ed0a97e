package dev.storefront.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void of_shouldTakeTheMiddleValue_whenTheCountIsOdd() {
        Stats stats = Stats.of(List.of(30, 10, 20));

        assertThat(stats.median()).isEqualTo(20);
        assertThat(stats.min()).isEqualTo(10);
        assertThat(stats.count()).isEqualTo(3);
    }

    @Test
    void of_shouldAverageTheTwoMiddleValues_whenTheCountIsEven() {
        Stats stats = Stats.of(List.of(4.0, 1.0, 3.0, 2.0));

        assertThat(stats.median()).isEqualTo(2.5);
        assertThat(stats.min()).isEqualTo(1.0);
    }

    @Test
    void of_shouldUseTheNearestRankForP90() {
        Stats ten = Stats.of(List.of(10, 9, 8, 7, 6, 5, 4, 3, 2, 1));
        Stats eleven = Stats.of(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 100));

        assertThat(ten.p90()).isEqualTo(9);
        assertThat(eleven.p90()).isEqualTo(10);
    }

    @Test
    void of_shouldReturnTheValueItself_whenThereIsOneValue() {
        Stats stats = Stats.of(List.of(42.5));

        assertThat(stats).isEqualTo(new Stats(1, 42.5, 42.5, 42.5));
    }

    @Test
    void of_shouldReject_whenThereAreNoValues() {
        assertThatThrownBy(() -> Stats.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
