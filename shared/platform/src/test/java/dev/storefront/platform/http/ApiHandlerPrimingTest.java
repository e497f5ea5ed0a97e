package dev.storefront.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storefront.domain.ReservedKeys;
import dev.storefront.domain.auth.Principal;
import dev.storefront.domain.auth.Role;
import dev.storefront.platform.snapstart.PrimingResult;
import dev.storefront.platform.function.FunctionContexts;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The priming machinery every HTTP function uses, on a small pipeline. CRaC cannot checkpoint a normal JDK
 * ({@code Core.checkpointRestore()} is unsupported there), so the handler's {@code beforeCheckpoint} and
 * {@code afterRestore} are called directly, as Lambda's runtime calls them through {@code org.crac}.
 */
class ApiHandlerPrimingTest {

    private ApplicationContext context;
    private TestHandler handler;

    /** A function as the real ones are written: the pipeline injected, the priming requests named. */
    static class TestHandler extends ApiHandler {

        @Inject
        RequestPipeline pipeline;

        @Inject
        PrimingTestBeans.UsedHook hook;

        final AtomicInteger restored = new AtomicInteger();

        TestHandler(ApplicationContext context) {
            super(context);
        }

        @Override
        protected RequestPipeline pipeline() {
            return pipeline;
        }

        @Override
        protected List<PrimingRequest> primingRequests() {
            return List.of(
                    PrimingRequest.route("GET /things/{thingId}").pathParameter("thingId", ReservedKeys.ABSENT_ID)
                            .expect(404),
                    PrimingRequest.route("GET /mine").as(new Principal(ReservedKeys.ABSENT_ID, Set.of(Role.SHOPPER))),
                    PrimingRequest.route("GET /things/{thingId}").pathParameter("thingId", "other").expect(201));
        }

        @Override
        protected void restored() {
            restored.incrementAndGet();
        }
    }

    @BeforeEach
    void start() {
        PrimingTestBeans.TOKENS.clear();
        PrimingTestBeans.UnusedHook.CALLS.set(0);
        context = FunctionContexts.builder().start();
        handler = new TestHandler(context);
    }

    @AfterEach
    void stop() {
        context.close();
    }

    @Test
    void prime_shouldRunEachRequestThroughTheEntryPoint_andSayWhichAnsweredAsExpected() {
        // when
        List<PrimingResult> results = handler.prime();

        // then: the function's requests, then the forged token on the first protected route (by route key)
        assertThat(results).extracting(PrimingResult::step, PrimingResult::outcome, PrimingResult::expected)
                .containsExactly(tuple("GET /things/{thingId}", "404", true),
                        tuple("GET /mine (as caller)", "200", true),
                        tuple("GET /things/{thingId}", "200", false),
                        tuple("GET /mine", "401", true));
        assertThat(PrimingTestBeans.WRITES).hasValue(0);
    }

    @Test
    void prime_shouldPresentAForgedToken_thatTheVerifierSees_andRefuses() throws Exception {
        // when
        handler.prime();

        // then
        assertThat(PrimingTestBeans.TOKENS).hasSize(1);
        String[] parts = PrimingTestBeans.TOKENS.get(0).split("\\.");
        JsonNode header = Json.mapper().readTree(Base64.getUrlDecoder().decode(parts[0]));
        assertThat(header.get("alg").asText()).isEqualTo("ES256");
        assertThat(header.get("typ").asText()).isEqualTo("at+jwt");
        assertThat(Base64.getUrlDecoder().decode(parts[2])).hasSize(64);
    }

    @Test
    void forgedToken_shouldNameTheFirstKeyOfTheJwks() throws Exception {
        // given
        String jwks = "{\"keys\":[{\"kty\":\"EC\",\"kid\":\"key-2026\"},{\"kty\":\"EC\",\"kid\":\"key-2025\"}]}";

        // when
        String token = ApiHandler.forgedToken(ApiHandler.firstKeyId(jwks));

        // then
        JsonNode header = Json.mapper().readTree(Base64.getUrlDecoder().decode(token.split("\\.")[0]));
        assertThat(header.get("kid").asText()).isEqualTo("key-2026");
        assertThat(ApiHandler.firstKeyId(null)).isNull();
        assertThat(ApiHandler.firstKeyId("not json")).isNull();
    }

    @Test
    void beforeCheckpointAndAfterRestore_shouldRunTheHooksOfBeansInUse_only() {
        // when
        handler.beforeCheckpoint(null);

        // then
        assertThat(handler.hook.before).hasValue(1);
        assertThat(handler.hook.after).hasValue(0);

        // when
        handler.afterRestore(null);

        // then
        assertThat(handler.hook.after).hasValue(1);
        assertThat(handler.restored).hasValue(1);
        assertThat(PrimingTestBeans.UnusedHook.CALLS).hasValue(0);
    }

    @Test
    void primingRequest_shouldBuildAPayload2Event() throws Exception {
        // given
        PrimingRequest request = PrimingRequest.route("GET /things/{thingId}").pathParameter("thingId", "t-1")
                .query("q", "a b").header("X-Test", "1");

        // when
        JsonNode event = Json.mapper().readTree(Json.mapper().writeValueAsBytes(request.event(7)));

        // then
        assertThat(event.get("rawPath").asText()).isEqualTo("/things/t-1");
        assertThat(event.get("rawQueryString").asText()).isEqualTo("q=a+b");
        assertThat(event.get("pathParameters").get("thingId").asText()).isEqualTo("t-1");
        assertThat(event.get("headers").get("x-test").asText()).isEqualTo("1");
        assertThat(event.get("requestContext").get("http").get("method").asText()).isEqualTo("GET");
        assertThat(event.get("requestContext").get("requestId").asText()).isEqualTo("snapstart-priming-7");
        assertThat(request.toString()).doesNotContain("t-1");
    }

    @Test
    void handleAs_shouldRunTheRouteAsTheCaller_withoutTheAccessCheck() {
        // given
        ApiRequest request = new ApiRequest("GET", "GET /mine", "/mine", "", Map.of(), Map.of(), Map.of(),
                "".getBytes(StandardCharsets.UTF_8), "req-1", null);

        // when
        ApiResponse response = handler.pipeline.handleAs(request, new Principal("u-9", Set.of(Role.SHOPPER)));

        // then
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("u-9");
        assertThat(handler.pipeline.handle(request, java.time.Duration.ofSeconds(5)).status()).isEqualTo(401);
    }
}
