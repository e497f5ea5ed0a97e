package dev.storefront.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BenchMainTest {

    private static final CommandLine COMMAND_LINE = CommandLine.of("./storefront bench example")
            .number("--orders", 10, 1, "orders");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(BenchMain.Bench<Integer> bench, String... args) {
        return BenchMain.run("example", args, COMMAND_LINE, a -> a.integer("--orders"), bench,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void run_shouldPrintTheReportOnStdout_andLogOnStderr() {
        int status = run((orders, log) -> {
            log.println("working");
            return "report of " + orders;
        }, "--orders", "3", "--repo", "/repo");

        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("report of 3\n");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("working\n");
    }

    @Test
    void run_shouldPrintTheUsageAndNotRun_whenAskedForHelp() {
        int status = run((orders, log) -> {
            throw new AssertionError("must not run");
        }, "--help");

        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("usage: ./storefront bench example [--orders N]");
    }

    @Test
    void run_shouldExitWith2_andSayWhy_whenTheArgumentsAreWrong() {
        int status = run((orders, log) -> "never", "--orders", "many");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("--orders takes a whole number, not 'many'\nusage: ");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void run_shouldExitWith1_whenTheBenchFails() {
        int status = run((orders, log) -> {
            throw new IllegalStateException("correctness check failed: stock -1");
        });

        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .startsWith("example benchmark FAILED: correctness check failed: stock -1");
    }
}
