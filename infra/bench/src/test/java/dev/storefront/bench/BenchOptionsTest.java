package dev.storefront.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    private static final Path REPO = Path.of("/repo");

    @Test
    void parse_shouldDefaultToTenRunsOneWarmupAllVariantsAndBothModes() {
        BenchOptions options = BenchOptions.parse("--repo", "/repo");

        assertThat(options.runs()).isEqualTo(10);
        assertThat(options.warmups()).isEqualTo(1);
        assertThat(options.variants()).isEqualTo(BenchOptions.ALL_VARIANTS);
        assertThat(options.modes()).containsExactly(JvmMode.DEFAULT, JvmMode.C1);
        assertThat(options.arguments()).isEqualTo("--runs 10");
    }

    @Test
    void parse_shouldAlwaysMeasureBareFirst_whenVariantsAreChosen() {
        BenchOptions options = BenchOptions.parse("--repo", "/repo", "--variants", "jwks,login", "--runs", "1");

        assertThat(options.variants()).containsExactly("bare", "login", "jwks");
        assertThat(options.arguments()).isEqualTo("--runs 1 --variants bare,login,jwks");
    }

    @Test
    void parse_shouldReadCustomModes_withVariantPlaceholders() {
        BenchOptions options = BenchOptions.parse("--repo", "/repo", "--mode", "default",
                "--mode", "cds=-Xshare:auto -XX:SharedArchiveFile=/tmp/{variant}.jsa");

        assertThat(options.modes()).hasSize(2);
        assertThat(options.modes().get(1).flagsFor("login"))
                .containsExactly("-Xshare:auto", "-XX:SharedArchiveFile=/tmp/login.jsa");
        assertThat(options.arguments())
                .isEqualTo("--runs 10 --mode default --mode 'cds=-Xshare:auto -XX:SharedArchiveFile=/tmp/{variant}.jsa'");
    }

    @Test
    void new_shouldReject_unknownVariantsAndZeroRuns() {
        assertThatThrownBy(() -> new BenchOptions(1, 0, List.of("nope"), List.of(JvmMode.DEFAULT), REPO, false))
                .hasMessageContaining("unknown variant nope");
        assertThatThrownBy(() -> BenchOptions.parse("--repo", "/repo", "--runs", "0"))
                .hasMessageContaining("--runs");
    }
}
