package dev.storefront.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class EmfMetricsTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final EmfMetrics metrics = new EmfMetrics("storefront-checkout",
            new PrintStream(bytes, true, StandardCharsets.UTF_8), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void count_shouldWriteOneEmbeddedMetricDocumentPerLine() throws Exception {
        metrics.count(BusinessMetrics.ORDERS_PLACED, 1);
        metrics.count(BusinessMetrics.RESERVATIONS_EXPIRED, 3);

        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(2);
        JsonNode first = new ObjectMapper().readTree(lines[0]);
        JsonNode directive = first.path("_aws").path("CloudWatchMetrics").get(0);
        assertThat(first.path("_aws").path("Timestamp").asLong()).isEqualTo(NOW.toEpochMilli());
        assertThat(directive.path("Namespace").asText()).isEqualTo("Storefront");
        assertThat(directive.path("Dimensions").toString()).isEqualTo("[[\"Service\"]]");
        assertThat(directive.path("Metrics").toString()).isEqualTo("[{\"Name\":\"OrdersPlaced\",\"Unit\":\"Count\"}]");
        assertThat(first.path("Service").asText()).isEqualTo("storefront-checkout");
        assertThat(first.path("OrdersPlaced").asLong()).isEqualTo(1);
        assertThat(new ObjectMapper().readTree(lines[1]).path("ReservationsExpired").asLong()).isEqualTo(3);
    }

    @Test
    void count_shouldWriteNothingForZero() {
        metrics.count(BusinessMetrics.RESERVATIONS_EXPIRED, 0);

        assertThat(bytes.size()).isZero();
    }

    @Test
    void count_shouldAddTheExtraDimensions_inOrder() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EmfMetrics release = new EmfMetrics("storefront-accounts", java.util.Map.of("Version", "7"),
                new PrintStream(out, true, StandardCharsets.UTF_8), Clock.fixed(NOW, ZoneOffset.UTC));

        release.count(BusinessMetrics.HTTP_5XX, 1);

        JsonNode document = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(document.path("_aws").path("CloudWatchMetrics").get(0).path("Dimensions").toString())
                .isEqualTo("[[\"Service\",\"Version\"]]");
        assertThat(document.path("Service").asText()).isEqualTo("storefront-accounts");
        assertThat(document.path("Version").asText()).isEqualTo("7");
        assertThat(document.path("Http5xx").asLong()).isEqualTo(1);
    }

    @Test
    void count_shouldPrintNoDocument_withTheReadableLocalLogs() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EmfMetrics local = new EmfMetrics("storefront-local-checkout", java.util.Map.of(),
                new PrintStream(out, true, StandardCharsets.UTF_8), Clock.fixed(NOW, ZoneOffset.UTC),
                dev.storefront.platform.log.LogFormat.TEXT);

        local.count(BusinessMetrics.ORDERS_PLACED, 1);

        assertThat(out.size()).isZero();
    }

    @Test
    void count_shouldPrintTheDocument_withJsonLogs() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EmfMetrics local = new EmfMetrics("storefront-local-checkout", java.util.Map.of(),
                new PrintStream(out, true, StandardCharsets.UTF_8), Clock.fixed(NOW, ZoneOffset.UTC),
                dev.storefront.platform.log.LogFormat.JSON);

        local.count(BusinessMetrics.ORDERS_PLACED, 1);

        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("{\"_aws\":").contains("\"OrdersPlaced\":1");
    }
}
