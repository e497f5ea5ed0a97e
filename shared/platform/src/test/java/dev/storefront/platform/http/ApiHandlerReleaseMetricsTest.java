package dev.storefront.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storefront.domain.ReservedKeys;
import dev.storefront.platform.snapstart.PrimingResult;
import dev.storefront.platform.function.FunctionContexts;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The per-version 5xx metric that the release alarms watch (a handled 500 is no Lambda error). */
class ApiHandlerReleaseMetricsTest {

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private PrintStream original;
    private ApplicationContext context;
    private BrokenHandler handler;

    static class BrokenHandler extends ApiHandler {

        @Inject
        RequestPipeline pipeline;

        BrokenHandler(ApplicationContext context) {
            super(context);
        }

        @Override
        protected RequestPipeline pipeline() {
            return pipeline;
        }

        @Override
        protected List<PrimingRequest> primingRequests() {
            return List.of(PrimingRequest.route("GET /broken").expect(500));
        }
    }

    @BeforeEach
    void start() {
        original = System.out;
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        context = FunctionContexts.builder().start();
        handler = new BrokenHandler(context);
    }

    @AfterEach
    void stop() {
        System.setOut(original);
        context.close();
    }

    @Test
    void aServerError_shouldCountOnce_perServiceAndVersion() throws Exception {
        // when
        int status = invoke("GET /broken");

        // then
        assertThat(status).isEqualTo(500);
        List<JsonNode> metrics = metricDocuments();
        assertThat(metrics).hasSize(1);
        JsonNode document = metrics.get(0);
        JsonNode directive = document.path("_aws").path("CloudWatchMetrics").get(0);
        assertThat(directive.path("Namespace").asText()).isEqualTo("Storefront");
        assertThat(directive.path("Dimensions").toString()).isEqualTo("[[\"Service\",\"Version\"]]");
        assertThat(directive.path("Metrics").toString()).isEqualTo("[{\"Name\":\"Http5xx\",\"Unit\":\"Count\"}]");
        assertThat(document.path("Http5xx").asLong()).isEqualTo(1);
        assertThat(document.path("Service").asText()).isNotBlank();
        assertThat(document.path("Version").asText()).isNotBlank();
    }

    @Test
    void clientErrorsAndSuccesses_shouldCountNothing() throws Exception {
        assertThat(invoke("GET /things/{thingId}")).isEqualTo(404);
        assertThat(invoke("GET /mine")).isEqualTo(401);

        assertThat(metricDocuments()).isEmpty();
    }

    @Test
    void priming_shouldCountNothing_evenWhenItMeetsA5xx() {
        List<PrimingResult> results = handler.prime();

        assertThat(results).extracting(PrimingResult::outcome).contains("500");
        assertThat(metricDocuments()).isEmpty();
    }

    private int invoke(String routeKey) throws Exception {
        PrimingRequest request = PrimingRequest.route(routeKey);
        if (routeKey.contains("{thingId}")) {
            request = request.pathParameter("thingId", ReservedKeys.ABSENT_ID);
        }
        byte[] event = Json.mapper().writeValueAsBytes(request.event(1));
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), response, null);
        return Json.mapper().readTree(response.toByteArray()).path("statusCode").asInt();
    }

    private List<JsonNode> metricDocuments() {
        return Arrays.stream(stdout.toString(StandardCharsets.UTF_8).split("\n"))
                .filter(line -> line.contains("\"_aws\""))
                .map(line -> {
                    try {
                        return Json.mapper().readTree(line);
                    } catch (Exception e) {
                        throw new AssertionError(line, e);
                    }
                })
                .toList();
    }
}
