package dev.storefront.platform.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

class TextLineFormatTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T12:03:04.056Z"), ZoneOffset.UTC);
    private static final String API_LOGGER = "dev.storefront.platform.http.ApiHandler";

    private final TextLineFormat format = new TextLineFormat("accounts", CLOCK);

    private static Map<String, String> request(String requestId, boolean cold) {
        Map<String, String> context = new LinkedHashMap<>();
        context.put("requestId", requestId);
        context.put("function", "storefront-local-accounts");
        context.put("coldStart", Boolean.toString(cold));
        return context;
    }

    @Test
    void line_shouldBeTimeFunctionMessageAndRequestId_forARequest() {
        String line = format.line(Level.INFO, API_LOGGER, "POST /auth/login -> 200 in 41 ms",
                request("abc123", false), null);

        assertThat(line).isEqualTo("12:03:04.056 accounts POST /auth/login -> 200 in 41 ms req=abc123");
    }

    @Test
    void line_shouldSayCold_forTheFirstInvocationOfAnInstance() {
        String line = format.line(Level.INFO, API_LOGGER, "GET /me -> 401 in 730 ms", request("r-1", true), null);

        assertThat(line).isEqualTo("12:03:04.056 accounts GET /me -> 401 in 730 ms cold req=r-1");
    }

    @Test
    void line_shouldHaveNoRequestId_outsideAnInvocation() {
        String line = format.line(Level.INFO, "dev.storefront.search.SearchCatalog", "search index built", null, null);

        assertThat(line).isEqualTo("12:03:04.056 accounts search index built");
    }

    @Test
    void line_shouldSayPriming_andLeaveTheOtherContextFieldsToJson() {
        Map<String, String> context = request("r-2", false);
        context.put("priming", "true");
        context.put("awsRequestId", "8f8b2c1e-0000-4000-8000-000000000000");
        context.put("traceId", "1-67891233-abcdef012345678912345678");

        String line = format.line(Level.INFO, API_LOGGER, "GET /cart -> 401 in 3 ms", context, null);

        assertThat(line).isEqualTo("12:03:04.056 accounts GET /cart -> 401 in 3 ms priming req=r-2");
    }

    @Test
    void line_shouldShowLambdasRequestId_whenThereIsNoApiRequestId() {
        Map<String, String> context = new LinkedHashMap<>();
        context.put("awsRequestId", "8f8b2c1e-0000-4000-8000-000000000000");
        context.put("coldStart", "false");

        String line = new TextLineFormat("search-indexer", CLOCK).line(Level.INFO,
                "dev.storefront.functions.search.CatalogChangeHandler", "published 3 product change(s) of 3 stream"
                        + " record(s)", context, null);

        assertThat(line).isEqualTo("12:03:04.056 search-indexer published 3 product change(s) of 3 stream record(s)"
                + " req=8f8b2c1e-0000-4000-8000-000000000000");
    }

    @Test
    void line_shouldNameLevelAndLoggerClass_forAWarning() {
        String line = format.line(Level.WARN, "redis.clients.jedis.ConnectionFactory",
                "Error while validating pooled Connection object.", null, null);

        assertThat(line).isEqualTo(
                "12:03:04.056 accounts WARN ConnectionFactory: Error while validating pooled Connection object.");
    }

    @Test
    void line_shouldNameTheErrorClassAndWhereItWasThrown_butNotItsMessage() {
        IllegalStateException error = new IllegalStateException(
                "cannot read {\"email\":\"ada@example.com\",\"password\":\"hunter2\"} Bearer eyJhbGciOi.secret");
        error.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("com.fasterxml.jackson.core.JsonParser", "nextToken", "JsonParser.java", 12),
                new StackTraceElement("dev.storefront.platform.http.RequestBody", "read", "RequestBody.java", 57),
        });

        String line = format.line(Level.ERROR, "dev.storefront.platform.http.ErrorMapper",
                "unexpected failure handling POST /auth/login", request("r-3", false), error);

        assertThat(line).isEqualTo("12:03:04.056 accounts ERROR ErrorMapper: unexpected failure handling POST"
                + " /auth/login [IllegalStateException at RequestBody.read:57] req=r-3");
        assertThat(line).doesNotContain("ada@example.com", "hunter2", "eyJ", "secret");
    }

    @Test
    void line_shouldNameTheRootCause_andTheFirstFrame_whenNoneIsStorefrontCode() {
        Exception root = new java.net.ConnectException("Connection refused: 10.0.0.7:6379");
        RuntimeException error = new RuntimeException("wrapped", new IllegalStateException("middle", root));
        error.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("redis.clients.jedis.Connection", "connect", "Connection.java", -1),
        });

        String line = format.line(Level.WARN, "redis.clients.jedis.JedisPool", "pool error", null, error);

        assertThat(line).endsWith(" pool error [RuntimeException at Connection.connect, caused by ConnectException]")
                .doesNotContain("10.0.0.7", "wrapped", "middle");
    }

    @Test
    void line_shouldEscapeControlCharacters_soThatAnEventStaysOneLine() {
        String line = format.line(Level.INFO, API_LOGGER, "first\nsecond\r\tthird \u001b[31mred\u2028end",
                request("r\n4", false), null);

        assertThat(line).doesNotContain("\n", "\r", "\t", "\u001b", "\u2028")
                .isEqualTo("12:03:04.056 accounts first\\nsecond\\r\\tthird \\u001b[31mred\\u2028end req=r\\n4");
    }

    @Test
    void line_shouldPadTheTime_toFixedWidth() {
        TextLineFormat early = new TextLineFormat("cart",
                Clock.fixed(Instant.parse("2026-12-07T01:02:03.004Z"), ZoneOffset.UTC));

        assertThat(early.line(Level.INFO, API_LOGGER, "m", null, null)).isEqualTo("01:02:03.004 cart m");
    }
}
