package dev.storefront.functions.deployhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * The real SDK clients of the hook (the lambda and codedeploy modules, older than the SDK core they run on: see
 * the root POM) against a stand-in for the Lambda and CodeDeploy APIs on loopback: the requests are signed and
 * shaped as the APIs expect, and the answers - including a function error and a version not yet active - are
 * read as the hook needs them.
 */
class DeployHookClientsIT {

    private static final String GROUP = "storefront-CartFunctionDeploymentGroup-1A2B3C";
    private static final String VERSION = "storefront-cart:7";

    record Request(String method, String path, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger pendingAnswers = new AtomicInteger();
    private volatile String functionError;
    private HttpServer server;
    private Map<String, String> environment;

    @BeforeEach
    void startApis() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
        environment = Map.of(
                "AWS_REGION", "us-east-1",
                "AWS_ACCESS_KEY_ID", "AKIDEXAMPLE",
                "AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
                "AWS_SESSION_TOKEN", "session-token",
                "AWS_ENDPOINT_URL", "http://127.0.0.1:" + server.getAddress().getPort(),
                "STOREFRONT_PRE_TRAFFIC_CART", GROUP + " " + VERSION);
    }

    @AfterEach
    void stopApis() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                Map.copyOf(exchange.getRequestHeaders()), body);
        requests.add(request);
        String target = request.header("X-Amz-Target");
        if ("CodeDeploy_20141006.GetDeployment".equals(target)) {
            send(exchange, 200, Map.of(), "{\"deploymentInfo\":{\"applicationName\":\"storefront-app\","
                    + "\"deploymentGroupName\":\"" + GROUP + "\",\"deploymentId\":\"d-CART1\",\"status\":\"InProgress\"}}");
        } else if ("CodeDeploy_20141006.PutLifecycleEventHookExecutionStatus".equals(target)) {
            send(exchange, 200, Map.of(), "{\"lifecycleEventHookExecutionId\":\"hook-1\"}");
        } else if (request.path().startsWith("/2015-03-31/functions/") && request.path().endsWith("/invocations")) {
            if (pendingAnswers.getAndDecrement() > 0) {
                send(exchange, 409, Map.of("x-amzn-ErrorType", "ResourceConflictException"),
                        "{\"Type\":\"User\",\"message\":\"The operation cannot be performed at this time. "
                                + "The function is currently in the following state: Pending\"}");
                return;
            }
            String requestId = Results.JSON.readTree(body).path("requestContext").path("requestId").asText();
            Invocation answer = Responses.unauthorized(requestId);
            send(exchange, 200, functionError == null ? Map.of("X-Amz-Executed-Version", "7")
                    : Map.of("X-Amz-Function-Error", functionError), answer.payload());
        } else {
            send(exchange, 400, Map.of(), "{\"__type\":\"UnknownOperationException\"}");
        }
    }

    private static void send(HttpExchange exchange, int status, Map<String, String> headers, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        headers.forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private JsonNode runHook() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PreTrafficHookHandler(DeployHookClients.check(environment)).handleRequest(new ByteArrayInputStream(
                "{\"DeploymentId\":\"d-CART1\",\"LifecycleEventHookExecutionId\":\"hook-1\"}"
                        .getBytes(StandardCharsets.UTF_8)), out, null);
        return Results.JSON.readTree(out.toByteArray());
    }

    @Test
    void hook_shouldAskCodeDeployForTheGroup_invokeTheVersion_andReportSucceeded() throws Exception {
        // when
        JsonNode result = runHook();

        // then
        assertThat(result.path("status").asText()).as(result.toString()).isEqualTo("Succeeded");
        assertThat(requests).hasSize(3);
        Request getDeployment = requests.get(0);
        assertThat(getDeployment.header("X-Amz-Target")).isEqualTo("CodeDeploy_20141006.GetDeployment");
        assertThat(Results.JSON.readTree(getDeployment.body()).path("deploymentId").asText()).isEqualTo("d-CART1");

        Request invoke = requests.get(1);
        assertThat(invoke.method()).isEqualTo("POST");
        assertThat(URLDecoder.decode(invoke.path(), StandardCharsets.UTF_8))
                .isEqualTo("/2015-03-31/functions/" + VERSION + "/invocations");
        assertThat(invoke.header("X-Amz-Invocation-Type")).isEqualTo("RequestResponse");
        assertThat(Results.JSON.readTree(invoke.body()).path("routeKey").asText()).isEqualTo("GET /cart");

        Request report = requests.get(2);
        assertThat(report.header("X-Amz-Target")).isEqualTo("CodeDeploy_20141006.PutLifecycleEventHookExecutionStatus");
        JsonNode status = Results.JSON.readTree(report.body());
        assertThat(status.path("deploymentId").asText()).isEqualTo("d-CART1");
        assertThat(status.path("lifecycleEventHookExecutionId").asText()).isEqualTo("hook-1");
        assertThat(status.path("status").asText()).isEqualTo("Succeeded");

        assertThat(requests).allSatisfy(request -> {
            assertThat(request.header("Authorization")).startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/");
            assertThat(request.header("X-Amz-Security-Token")).isEqualTo("session-token");
        });
        assertThat(getDeployment.header("Authorization")).contains("/us-east-1/codedeploy/aws4_request");
        assertThat(invoke.header("Authorization")).contains("/us-east-1/lambda/aws4_request");
    }

    @Test
    void hook_shouldReportFailed_whenTheFunctionFails() throws Exception {
        functionError = "Unhandled";

        JsonNode result = runHook();

        assertThat(result.path("status").asText()).isEqualTo("Failed");
        assertThat(result.path("reason").asText()).contains("the function failed (Unhandled)");
        JsonNode status = Results.JSON.readTree(requests.get(requests.size() - 1).body());
        assertThat(status.path("status").asText()).isEqualTo("Failed");
    }

    @Test
    void invoker_shouldWaitForAVersionThatIsNotActiveYet() {
        // given: Lambda says "Pending" twice
        pendingAnswers.set(2);
        var http = UrlConnectionHttpClient.builder().build();
        LambdaFunctionInvoker invoker = new LambdaFunctionInvoker(DeployHookClients.lambda(environment, http), 5,
                Duration.ofMillis(10));

        // when
        Invocation invocation = invoker.invoke(VERSION, Probes.forFunction("CART").orElseThrow()
                .event("pre-traffic-d-1", java.time.Instant.now()));

        // then
        assertThat(invocation.statusCode()).isEqualTo(200);
        assertThat(invocation.functionError()).isNull();
        assertThat(requests).hasSize(3);
    }
}
