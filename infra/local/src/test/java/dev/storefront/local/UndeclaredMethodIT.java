package dev.storefront.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The gateway over HTTP with a route table that has no {@code $default} route: a method a path does not declare
 * is answered as API Gateway answers any request no route matches, 404 {@code {"message":"Not Found"}} in JSON,
 * never 405 (HTTP APIs have none). No function runs: the routes' function does not even exist.
 * ({@code UndeclaredMethodE2EIT} covers the project's template, whose {@code $default} route answers instead.)
 */
class UndeclaredMethodIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();

    private static FunctionRuntime runtime;
    private static LocalGateway gateway;

    @BeforeAll
    static void start() {
        runtime = FunctionRuntime.start(List.of(), function -> Map.of(), 1, "us-east-1", "123456789012");
        RouteTable routes = new RouteTable(List.of(new HttpRoute("GET", "/products", "NoSuchFunction"),
                new HttpRoute("POST", "/products", "NoSuchFunction"),
                new HttpRoute("GET", "/products/{productId}", "NoSuchFunction")));
        gateway = LocalGateway.start(0, routes, runtime, new ObjectMapper(), "123456789012");
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (runtime != null) {
            runtime.close();
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"TRACE, /products", "TRACE, /products/42", "DELETE, /products", "PUT, /products/42",
            "BREW, /products", "GET, /no-such-route"})
    void unmatchedRequest_shouldGet404NotFoundJson_likeApiGatewayWithoutADefaultRoute(String method, String path)
            throws IOException, InterruptedException {
        // when
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(gateway.baseUrl().resolve(path))
                        .timeout(Duration.ofSeconds(10)).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());

        // then
        assertThat(response.statusCode()).as("%s %s", method, path).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"message\":\"Not Found\"}");
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(response.headers().firstValue("apigw-requestid")).isPresent();
        assertThat(response.headers().firstValue("Allow")).isEmpty();
    }
}
