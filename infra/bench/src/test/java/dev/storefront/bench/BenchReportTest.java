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

    @Test
    void floorNotes_shouldRelateFloorToBareAndLogin_andAttributeItsParts() {
        // given
        BenchOptions options = new BenchOptions(2, 0, List.of("login", "floor", "floor-no-argon2", "floor-no-redis"),
                List.of(JvmMode.DEFAULT), Path.of("/repo"), false);
        Map<String, List<Measurement>> results = Map.of(
                BenchReport.key("bare", JvmMode.DEFAULT), List.of(wall(50), wall(70)),
                BenchReport.key("login", JvmMode.DEFAULT), List.of(wall(1500), wall(1700)),
                BenchReport.key("floor", JvmMode.DEFAULT), List.of(wall(1000), wall(1000)),
                BenchReport.key("floor-no-argon2", JvmMode.DEFAULT), List.of(wall(790), wall(810)),
                BenchReport.key("floor-no-redis", JvmMode.DEFAULT), List.of(wall(880), wall(880)));

        // when
        List<String> notes = BenchReport.floorNotes(options, results);

        // then
        assertThat(notes).singleElement().asString()
                .contains("1000 ms median = 16.7x bare", "login = 1.60x the floor (+600 ms)", "argon2 200 ms",
                        "redis 120 ms")
                .doesNotContain("dynamodb");
    }

    @Test
    void floorNotes_shouldBeEmpty_withoutTheFloor() {
        BenchOptions options = new BenchOptions(1, 0, List.of("login"), List.of(JvmMode.DEFAULT), Path.of("/repo"),
                false);

        assertThat(BenchReport.floorNotes(options, Map.of(BenchReport.key("bare", JvmMode.DEFAULT), List.of(wall(50)),
                BenchReport.key("login", JvmMode.DEFAULT), List.of(wall(800))))).isEmpty();
    }

    private static Measurement wall(double millis) {
        return new Measurement(millis, 200, 6000, 20, 900, 100, 2000, 0, 100);
    }

    private static Measurement run(double primeMillis, double firstInvokeMillis) {
        return new Measurement(1000, 200, 6000, 20, 900, (long) firstInvokeMillis, 2000, primeMillis,
                firstInvokeMillis);
    }
}
