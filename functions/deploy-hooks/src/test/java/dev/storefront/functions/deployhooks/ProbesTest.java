package dev.storefront.functions.deployhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProbesTest {

    private static final String REQUEST_ID = "pre-traffic-d-ABC123";
    private static final Instant NOW = Instant.parse("2026-11-22T10:15:35Z");

    private static Probe probe(String function) {
        return Probes.forFunction(function).orElseThrow();
    }

    private static JsonNode event(String function) throws Exception {
        return Results.JSON.readTree(probe(function).event(REQUEST_ID, NOW));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "ACCOUNTS         | GET /.well-known/jwks.json -> 200",
        "CATALOG          | GET /products/pre-traffic-check -> 404",
        "SEARCH           | GET /products?q=smoke&limit=1 -> 200",
        "CART             | GET /cart -> 401",
        "CHECKOUT         | GET /orders -> 401",
        "PAYMENT          | GET /payments/pre-traffic-check -> 401",
        "SHIPPING         | GET /shipping/rates?country=US&postalCode=10001&weightGrams=500&subtotal=1000 -> 200",
        "SEARCH_INDEXER   | an empty stream batch {\"Records\":[]}",
        "SHIPMENT_CREATOR | an empty stream batch {\"Records\":[]}",
        "CACHE_WARMER     | a scheduled event (one run of the job)",
        "ORDER_EXPIRY     | a scheduled event (one run of the job)",
    })
    void probe_shouldSendAReadOnlyRequest_perFunction(String function, String description) {
        assertThat(probe(function).description()).isEqualTo(description);
    }

    @Test
    void probes_shouldOnlyReadOverHttp() {
        assertThat(Probes.all().values()).filteredOn(HttpProbe.class::isInstance).map(HttpProbe.class::cast)
                .allSatisfy(probe -> assertThat(probe.method()).isEqualTo("GET"));
    }

    @Test
    void httpEvent_shouldBeAnApiGatewayPayload20Event_withTheRequestIdAndParameters() throws Exception {
        // when
        JsonNode event = event("PAYMENT");

        // then
        assertThat(event.path("version").asText()).isEqualTo("2.0");
        assertThat(event.path("routeKey").asText()).isEqualTo("GET /payments/{paymentId}");
        assertThat(event.path("rawPath").asText()).isEqualTo("/payments/pre-traffic-check");
        assertThat(event.path("rawQueryString").asText()).isEmpty();
        assertThat(event.has("queryStringParameters")).isFalse();
        assertThat(event.path("pathParameters").path("paymentId").asText()).isEqualTo("pre-traffic-check");
        assertThat(event.has("headers")).isTrue();
        assertThat(event.path("headers").has("authorization")).isFalse();
        assertThat(event.path("requestContext").path("requestId").asText()).isEqualTo(REQUEST_ID);
        assertThat(event.path("requestContext").path("routeKey").asText()).isEqualTo("GET /payments/{paymentId}");
        assertThat(event.path("requestContext").path("http").path("method").asText()).isEqualTo("GET");
        assertThat(event.path("requestContext").path("http").path("path").asText()).isEqualTo("/payments/pre-traffic-check");
        assertThat(event.path("requestContext").path("stage").asText()).isEqualTo("$default");
        assertThat(event.path("requestContext").path("time").asText()).isEqualTo("22/Nov/2026:10:15:35 +0000");
        assertThat(event.path("requestContext").path("timeEpoch").asLong()).isEqualTo(NOW.toEpochMilli());
        assertThat(event.path("isBase64Encoded").asBoolean(true)).isFalse();
        assertThat(event.has("body")).isFalse();
    }

    @Test
    void httpEvent_shouldCarryTheQueryAsRawStringAndParameters() throws Exception {
        JsonNode event = event("SHIPPING");

        assertThat(event.path("rawQueryString").asText())
                .isEqualTo("country=US&postalCode=10001&weightGrams=500&subtotal=1000");
        assertThat(event.path("queryStringParameters").path("weightGrams").asText()).isEqualTo("500");
        assertThat(event.path("routeKey").asText()).isEqualTo("GET /shipping/rates");
    }

    @Test
    void streamEvent_shouldBeAnEmptyBatch_andScheduleEventAScheduledEvent() throws Exception {
        assertThat(event("SHIPMENT_CREATOR").path("Records").isArray()).isTrue();
        assertThat(event("SHIPMENT_CREATOR").path("Records")).isEmpty();
        assertThat(event("ORDER_EXPIRY").path("detail-type").asText()).isEqualTo("Scheduled Event");
        assertThat(event("ORDER_EXPIRY").path("id").asText()).isEqualTo(REQUEST_ID);
    }

    // --- what counts as healthy --------------------------------------------------------------------------

    @Test
    void judge_shouldSucceed_whenTheJwksHasKeys() {
        Invocation answer = Responses.http(200, Map.of("Content-Type", "application/jwk-set+json",
                "X-Request-Id", REQUEST_ID), "{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-256\"}]}");

        assertThat(probe("ACCOUNTS").judge(answer, REQUEST_ID).succeeded()).isTrue();
    }

    @Test
    void judge_shouldFail_whenTheJwksIsEmpty() {
        Invocation answer = Responses.http(200, Map.of("Content-Type", "application/jwk-set+json",
                "X-Request-Id", REQUEST_ID), "{\"keys\":[]}");

        Verdict verdict = probe("ACCOUNTS").judge(answer, REQUEST_ID);

        assertThat(verdict.succeeded()).isFalse();
        assertThat(verdict.reason()).contains("\"keys\" is not a non-empty array");
    }

    @Test
    void judge_shouldSucceed_whenAShopperRouteRefusesAnAnonymousRequest() {
        assertThat(probe("CART").judge(Responses.unauthorized(REQUEST_ID), REQUEST_ID).succeeded()).isTrue();
    }

    @Test
    void judge_shouldFail_whenTheFunctionAnswers500() {
        Invocation answer = Responses.http(500, Map.of("Content-Type", "application/problem+json",
                "X-Request-Id", REQUEST_ID), Responses.problem(500, REQUEST_ID));

        Verdict verdict = probe("CART").judge(answer, REQUEST_ID);

        assertThat(verdict.succeeded()).isFalse();
        assertThat(verdict.reason()).startsWith("answered 500 instead of 401");
    }

    @Test
    void judge_shouldFail_whenA401HasNoBearerChallenge() {
        Invocation answer = Responses.http(401, Map.of("Content-Type", "application/problem+json",
                "X-Request-Id", REQUEST_ID), Responses.problem(401, REQUEST_ID));

        Verdict verdict = probe("CHECKOUT").judge(answer, REQUEST_ID);

        assertThat(verdict.succeeded()).isFalse();
        assertThat(verdict.reason()).contains("Bearer challenge");
    }

    @Test
    void judge_shouldFail_whenTheRequestIdIsNotEchoed() {
        Invocation answer = Responses.json("another-request", 200, "{\"items\":[]}");

        Verdict verdict = probe("SEARCH").judge(answer, REQUEST_ID);

        assertThat(verdict.succeeded()).isFalse();
        assertThat(verdict.reason()).contains("X-Request-Id");
    }

    @Test
    void judge_shouldFail_whenTheProblemDoesNotNameTheRequest() {
        Invocation answer = Responses.http(404, Map.of("Content-Type", "application/problem+json",
                "X-Request-Id", REQUEST_ID), Responses.problem(404, "someone-else"));

        Verdict verdict = probe("CATALOG").judge(answer, REQUEST_ID);

        assertThat(verdict.succeeded()).isFalse();
        assertThat(verdict.reason()).contains("request id");
    }

    @Test
    void judge_shouldSucceed_whenAnUnknownProductIs404ProblemJson() {
        Invocation answer = Responses.http(404, Map.of("content-type", "application/problem+json",
                "x-request-id", REQUEST_ID), Responses.problem(404, REQUEST_ID));

        assertThat(probe("CATALOG").judge(answer, REQUEST_ID).succeeded()).isTrue();
    }

    @Test
    void judge_shouldFail_whenTheContentTypeIsNotJson() {
        Invocation answer = Responses.http(200, Map.of("Content-Type", "text/html", "X-Request-Id", REQUEST_ID),
                "<html></html>");

        Verdict verdict = probe("SEARCH").judge(answer, REQUEST_ID);

        assertThat(verdict.succeeded()).isFalse();
        assertThat(verdict.reason()).contains("Content-Type \"text/html\"");
    }

    @Test
    void judge_shouldSucceed_whenShippingRatesHaveOptions_andFailWhenThereAreNone() {
        Invocation priced = Responses.json(REQUEST_ID, 200,
                "{\"options\":[{\"method\":\"standard\",\"carrier\":\"UPS\",\"amount\":{\"amount\":599,\"currency\":\"USD\"}}]}");
        Invocation none = Responses.json(REQUEST_ID, 200, "{\"options\":[]}");

        assertThat(probe("SHIPPING").judge(priced, REQUEST_ID).succeeded()).isTrue();
        assertThat(probe("SHIPPING").judge(none, REQUEST_ID).succeeded()).isFalse();
    }

    @Test
    void judge_shouldFail_whenTheFunctionCrashed() {
        Invocation crashed = new Invocation(200, "Unhandled",
                "{\"errorMessage\":\"Missing environment variable STOREFRONT_CARTS_TABLE\",\"errorType\":\"x\"}");

        Verdict verdict = probe("CART").judge(crashed, REQUEST_ID);

        assertThat(verdict.succeeded()).isFalse();
        assertThat(verdict.reason()).startsWith("the function failed (Unhandled)")
                .contains("STOREFRONT_CARTS_TABLE");
    }

    @Test
    void judge_shouldFail_whenLambdaDidNotRunTheFunction() {
        Verdict verdict = probe("SHIPMENT_CREATOR").judge(new Invocation(500, null, ""), REQUEST_ID);

        assertThat(verdict.succeeded()).isFalse();
        assertThat(verdict.reason()).contains("500");
    }

    @Test
    void judge_shouldFail_whenTheResultIsNotJson() {
        Verdict verdict = probe("SEARCH_INDEXER").judge(Responses.result("done"), REQUEST_ID);

        assertThat(verdict.succeeded()).isFalse();
        assertThat(verdict.reason()).contains("not a JSON object");
    }

    @Test
    void judge_shouldCheckWhatTheEventFunctionsReturn() {
        assertThat(probe("SHIPMENT_CREATOR").judge(Responses.result("{\"created\":0}"), REQUEST_ID).succeeded()).isTrue();
        assertThat(probe("SHIPMENT_CREATOR").judge(Responses.result("{\"created\":1}"), REQUEST_ID).succeeded()).isFalse();
        assertThat(probe("SEARCH_INDEXER").judge(Responses.result("{}"), REQUEST_ID).succeeded()).isTrue();
        assertThat(probe("ORDER_EXPIRY").judge(Responses.result("{\"expired\":3}"), REQUEST_ID).succeeded()).isTrue();
        assertThat(probe("ORDER_EXPIRY").judge(Responses.result("{\"expired\":-1}"), REQUEST_ID).succeeded()).isFalse();
        assertThat(probe("CACHE_WARMER").judge(Responses.result("{\"warmed\":false,\"productsCached\":0}"), REQUEST_ID)
                .succeeded()).isTrue();
        assertThat(probe("CACHE_WARMER").judge(Responses.result("{\"productsCached\":0}"), REQUEST_ID)
                .succeeded()).isFalse();
    }
}
