package dev.storefront.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storefront.local.e2e.Http.Response;
import java.net.http.HttpRequest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Methods a path does not declare, through the local gateway of the project's {@code template.yaml}, answered as
 * API Gateway answers them: an HTTP API has no 405; a request that no route matches (whatever its method: TRACE,
 * a standard method the path lacks, a method name no route can have) goes to the {@code $default} route, whose
 * accounts function answers a problem+json 404 {@code no-route}, exactly as it answers an unknown path. On the
 * shop's shared stack: no request here creates anything, and none depends on what other classes created.
 */
class UndeclaredMethodE2EIT extends SharedStackE2E {

    private static final String NO_ROUTE = "https://storefront.dev/problems/no-route";

    private static Response send(String method, String path) {
        Http http = stack.http();
        return http.send(http.request(path).method(method, HttpRequest.BodyPublishers.noBody()).build());
    }

    static Stream<Arguments> undeclaredMethods() {
        return Stream.of(
                Arguments.of("TRACE", "/products"),
                Arguments.of("TRACE", "/orders/01JD3B5N7Q9S1V3X5Z7B9D1F3H"),
                Arguments.of("PUT", "/products"),
                Arguments.of("DELETE", "/categories"),
                Arguments.of("PATCH", "/cart"),
                Arguments.of("BREW", "/products"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("undeclaredMethods")
    void undeclaredMethod_shouldAnswer404NoRoute_fromTheDefaultRoute_not405(String method, String path) {
        // when
        Response response = send(method, path);

        // then
        assertThat(response.status()).as("%s %s -> %s", method, path, response.body()).isEqualTo(404);
        assertThat(response.header("Content-Type")).contains("application/problem+json");
        assertThat(response.header("Allow")).as("no 405 semantics").isEmpty();
        assertThat(response.header("apigw-requestid")).isPresent();
        JsonNode problem = response.json();
        assertThat(problem.path("type").asText()).isEqualTo(NO_ROUTE);
        assertThat(problem.path("status").asInt()).isEqualTo(404);
        assertThat(problem.path("detail").asText()).isEqualTo("No operation matches " + method + " " + path + ".");
        assertThat(problem.path("requestId").asText()).isEqualTo(response.header("X-Request-Id").orElseThrow());
    }

    @Test
    void trace_shouldBeAnsweredLikeAnUnknownPath_andNotEchoTheRequest() {
        // given: TRACE would echo the request, Authorization included (cross-site tracing); here nothing is echoed
        String secret = "Bearer not-a-token-but-must-not-come-back";

        // when
        Http http = stack.http();
        Response trace = http.send(http.request("/products").header("Authorization", secret)
                .method("TRACE", HttpRequest.BodyPublishers.noBody()).build());
        Response unknownPath = http.get("/no-such-route");

        // then
        assertThat(trace.status()).isEqualTo(unknownPath.status()).isEqualTo(404);
        assertThat(trace.json().path("type").asText()).isEqualTo(unknownPath.json().path("type").asText());
        assertThat(trace.body()).doesNotContain(secret).doesNotContain("Authorization");
        assertThat(trace.header("Content-Type")).isEqualTo(unknownPath.header("Content-Type"));
    }

    @Test
    void declaredMethod_onTheSamePath_shouldStillBeRouted() {
        Response products = stack.http().get("/products");

        assertThat(products.status()).isEqualTo(200);
        assertThat(products.json().has("items")).isTrue();
    }
}
