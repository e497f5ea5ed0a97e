package dev.storefront.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTest {

    @Test
    void text_shouldStartWithTheCommandAndMachine_thenBlocksBetweenBlankLines() {
        // given
        Report report = new Report("Checkout benchmark: 10 orders", "./storefront bench checkout --orders 10",
                "2 CPUs, test JVM")
                .header("Load: 1.0 s")
                .table(Table.of("scenario", "p50 ms").row("no contention", "1.00"))
                .ratios(RatioTable.against("no contention", "p50").row("contention", new Ratio("p50", 2, 1)))
                .checks(List.of("stock never negative", "orders stored = successful checkouts"))
                .block("moto serves one request at a time.\n");

        // when
        String text = report.text();

        // then
        assertThat(text).isEqualTo("""
                Checkout benchmark: 10 orders
                Command: ./storefront bench checkout --orders 10
                Machine: 2 CPUs, test JVM
                Load: 1.0 s

                | scenario | p50 ms |
                |---|---:|
                | no contention | 1.00 |

                | vs no contention (same run) | p50 |
                |---|---:|
                | contention | 2.00x |

                Checked after the run:
                - stock never negative
                - orders stored = successful checkouts

                moto serves one request at a time.
                """);
    }

    @Test
    void report_shouldDescribeThisMachine_byDefault() {
        String text = new Report("t", "c").text();

        assertThat(text).startsWith("t\nCommand: c\nMachine: " + Runtime.getRuntime().availableProcessors() + " CPUs");
    }
}
