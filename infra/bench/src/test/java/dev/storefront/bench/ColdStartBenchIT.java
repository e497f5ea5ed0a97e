package dev.storefront.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs the real benchmark, smallest form: one fresh JVM each for the bare handler and the accounts JWKS route
 * (plus the unmeasured seed signup). Needs functions/accounts/target/accounts.zip, which `-am` builds. No timed
 * assertions: only that it works end to end and reports sane numbers.
 */
class ColdStartBenchIT {

    @Test
    void run_shouldMeasureBareAndJwks_inFreshJvms() {
        BenchOptions options = new BenchOptions(1, 0, List.of("bare", "jwks"), List.of(JvmMode.DEFAULT),
                Path.of("../..").toAbsolutePath().normalize(), false);
        ByteArrayOutputStream progress = new ByteArrayOutputStream();

        BenchReport report = ColdStartBench.run(options, new PrintStream(progress, true, StandardCharsets.UTF_8));

        assertThat(report.rows()).extracting(Row::variant).containsExactly("bare", "jwks");
        Row bare = report.row("bare", "default");
        Row jwks = report.row("jwks", "default");
        assertThat(bare.status()).isEqualTo(200);
        assertThat(jwks.status()).isEqualTo(200);
        assertThat(bare.wall().median()).isPositive();
        assertThat(jwks.wall().min()).isPositive();
        assertThat(bare.medianRatio()).isEqualTo(1.0);
        assertThat(jwks.medianRatio()).isPositive();
        assertThat(bare.classes()).isPositive();
        assertThat(jwks.classes()).isGreaterThan(bare.classes());
        assertThat(report.markdown()).contains("| accounts GET /.well-known/jwks.json");
        assertThat(progress.toString(StandardCharsets.UTF_8)).contains("seeding");
    }

    /** The floor logs the seeded user in for real (a wrong password or unknown email would answer 401 and fail). */
    @Test
    void run_shouldLogInThroughTheFloor_withAndWithoutDynamoDb() {
        BenchOptions options = new BenchOptions(1, 0, List.of("bare", "floor", "floor-no-dynamodb"),
                List.of(JvmMode.DEFAULT), Path.of("../..").toAbsolutePath().normalize(), false);

        BenchReport report = ColdStartBench.run(options, new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8));

        assertThat(report.rows()).extracting(Row::variant).containsExactly("bare", "floor", "floor-no-dynamodb");
        assertThat(report.row("floor", "default").status()).isEqualTo(200);
        assertThat(report.row("floor-no-dynamodb", "default").status()).isEqualTo(200);
        assertThat(report.row("floor", "default").classes())
                .isGreaterThan(report.row("floor-no-dynamodb", "default").classes());
        assertThat(report.notes()).anySatisfy(note -> assertThat(note).startsWith("floor [defaults]")
                .contains("dynamodb"));
    }
}
