package dev.storefront.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchReportTest {

    @Test
    void primingNotes_shouldCompareTheFirstRequestOfBothLoginVariants_perMode() {
        // given
        BenchOptions options = new BenchOptions(2, 0, List.of("login", "login-primed"), List.of(JvmMode.DEFAULT),
                Path.of("/repo"), false);
        Map<String, List<Measurement>> results = Map.of(
                BenchReport.key("login", JvmMode.DEFAULT), List.of(run(0, 800), run(0, 700)),
                BenchReport.key("login-primed", JvmMode.DEFAULT), List.of(run(900, 150), run(1100, 250)));

        // when
        List<String> notes = BenchReport.primingNotes(options, results);

        // then
        assertThat(notes).singleElement().asString()
                .contains("p50 200.0 ms", "vs 750.0 ms", "3.8x faster", "hooks took p50 1000 ms");
    }

    @Test
    void primingNotes_shouldBeEmpty_withoutThePrimedVariant() {
        BenchOptions options = new BenchOptions(1, 0, List.of("login"), List.of(JvmMode.DEFAULT), Path.of("/repo"),
                false);

        assertThat(BenchReport.primingNotes(options,
                Map.of(BenchReport.key("login", JvmMode.DEFAULT), List.of(run(0, 800))))).isEmpty();
    }

    private static Measurement run(double primeMillis, double firstInvokeMillis) {
        return new Measurement(1000, 200, 6000, 20, 900, (long) firstInvokeMillis, 2000, primeMillis,
                firstInvokeMillis);
    }
}
