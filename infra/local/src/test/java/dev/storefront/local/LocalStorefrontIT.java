package dev.storefront.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class LocalStorefrontIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static Path workDir;
    private static Path recordDir;
    private static LocalStorefront stack;
    private static final AtomicReference<SeedContext> SEEDED = new AtomicReference<>();

    @BeforeAll
    static void start() throws Exception {
        workDir = Files.createTempDirectory("storefront-local-it-");
        recordDir = Files.createDirectories(workDir.resolve("records"));
        Path template = FixtureArtifacts.prepare(workDir);
        stack = LocalStorefront.start(LocalOptions.builder(template)
                .port(0)
                .maxInstances(2)
                .environment("FIXTURE_RECORD_DIR", recordDir.toString())
                .seeder(context -> {
                    SEEDED.set(context);
                    context.banner("Admin: admin@example.test / secret");
                })
                .build());
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    private static HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(stack.baseUrl().resolve(pathAndQuery)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    @Test
    void seeder_shouldRunWithTablesAndLocalEnvironment() {
        SeedContext context = SEEDED.get();
        assertThat(context).isNotNull();
        assertThat(context.tableNames()).containsEntry("ItemsTable", "ItemsTable");
        assertThat(context.environment()).containsEntry("STOREFRONT_REDIS_CLUSTER", "false")
                .containsKey("STOREFRONT_JWT_SIGNING_JWK").containsKey("STOREFRONT_JWT_PUBLIC_JWKS");
        assertThat(stack.bannerLines()).containsExactly("Admin: admin@example.test / secret");
        assertThat(Banner.render(stack)).contains("EchoFunction", "GET /items/{id}", "$default", "512 MB", "timeout 1 s");
    }

    @Test
    void request_shouldDeliverPayloadFormat2Event() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(stack.baseUrl().resolve("/items/a%20b?x=1&y=two&x=3&e=%C3%A9"))
                .header("Cookie", "s=1; t=2")
                .header("X-Custom", "v1")
                .header("User-Agent", "it-test")
                .GET().build();

        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("apigw-requestid")).isPresent();
        JsonNode event = json(response);
        assertThat(event.path("version").asText()).isEqualTo("2.0");
        assertThat(event.path("routeKey").asText()).isEqualTo("GET /items/{id}");
        assertThat(event.path("rawPath").asText()).isEqualTo("/items/a%20b");
        assertThat(event.path("rawQueryString").asText()).isEqualTo("x=1&y=two&x=3&e=%C3%A9");
        assertThat(event.path("queryStringParameters").path("x").asText()).isEqualTo("1,3");
        assertThat(event.path("queryStringParameters").path("e").asText()).isEqualTo("é");
        assertThat(event.path("pathParameters").path("id").asText()).isEqualTo("a b");
        assertThat(event.path("cookies")).extracting(JsonNode::asText).containsExactly("s=1", "t=2");
        assertThat(event.path("headers").has("cookie")).isFalse();
        assertThat(event.path("headers").path("x-custom").asText()).isEqualTo("v1");
        JsonNode context = event.path("requestContext");
        assertThat(context.path("http").path("method").asText()).isEqualTo("GET");
        assertThat(context.path("http").path("path").asText()).isEqualTo("/items/a%20b");
        assertThat(context.path("http").path("sourceIp").asText()).isEqualTo("127.0.0.1");
        assertThat(context.path("http").path("userAgent").asText()).isEqualTo("it-test");
        assertThat(context.path("stage").asText()).isEqualTo("$default");
        assertThat(context.path("requestId").asText()).isEqualTo(response.headers().firstValue("apigw-requestid").orElseThrow());
        assertThat(context.path("timeEpoch").asLong()).isPositive();
        assertThat(event.path("isBase64Encoded").asBoolean()).isFalse();
        assertThat(event.has("body")).isFalse();
    }

    @Test
    void routes_shouldPreferExactOverParamOverGreedy_andFallBackToDefault() throws Exception {
        assertThat(json(get("/items/special")).path("routeKey").asText()).isEqualTo("GET /items/special");
        JsonNode greedy = json(get("/files/a/b/c.txt"));
        assertThat(greedy.path("routeKey").asText()).isEqualTo("ANY /files/{proxy+}");
        assertThat(greedy.path("pathParameters").path("proxy").asText()).isEqualTo("a/b/c.txt");
        JsonNode fallback = json(get("/nowhere/at/all"));
        assertThat(fallback.path("routeKey").asText()).isEqualTo("$default");
        assertThat(fallback.has("pathParameters")).isFalse();
        HttpResponse<String> wrongMethod = HTTP.send(HttpRequest.newBuilder(stack.baseUrl().resolve("/other"))
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(json(wrongMethod).path("routeKey").asText()).isEqualTo("$default");
    }

    @Test
    void bodies_shouldBeTextForJsonAndBase64ForBinary() throws Exception {
        HttpResponse<String> text = HTTP.send(HttpRequest.newBuilder(stack.baseUrl().resolve("/echo"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"a\":1}")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> binary = HTTP.send(HttpRequest.newBuilder(stack.baseUrl().resolve("/echo"))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {0, 1, 2, (byte) 255})).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(json(text).path("body").asText()).isEqualTo("{\"a\":1}");
        assertThat(json(text).path("isBase64Encoded").asBoolean()).isFalse();
        assertThat(json(text).path("routeKey").asText()).isEqualTo("ANY /echo");
        assertThat(json(binary).path("body").asText()).isEqualTo("AAEC/w==");
        assertThat(json(binary).path("isBase64Encoded").asBoolean()).isTrue();
    }

    @Test
    void oversizedBody_shouldGet413() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(stack.baseUrl().resolve("/echo"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[LocalGateway.MAX_BODY_BYTES + 1])).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).isEqualTo("{\"message\":\"Request Entity Too Large\"}");
    }

    @Test
    void responses_shouldMapStatusHeadersCookiesAndBase64() throws Exception {
        HttpResponse<String> cookies = get("/echo?mode=cookies");
        assertThat(cookies.statusCode()).isEqualTo(201);
        assertThat(cookies.body()).isEqualTo("made");
        assertThat(cookies.headers().firstValue("x-single")).contains("one");
        assertThat(cookies.headers().allValues("x-multi")).containsExactly("a", "b");
        assertThat(cookies.headers().allValues("set-cookie")).containsExactly("c1=v1; Path=/", "c2=v2");

        HttpResponse<byte[]> binary = HTTP.send(HttpRequest.newBuilder(stack.baseUrl().resolve("/echo?mode=binary")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(binary.body()).containsExactly(0, 1, 2, 255);

        HttpResponse<String> raw = get("/echo?mode=raw");
        assertThat(raw.statusCode()).isEqualTo(200);
        assertThat(raw.headers().firstValue("content-type")).contains("application/json");
        assertThat(json(raw).path("hello").asText()).isEqualTo("world");
    }

    @Test
    void functionErrors_shouldGet500LikeApiGateway() throws Exception {
        HttpResponse<String> thrown = get("/echo?mode=throw");
        HttpResponse<String> invalid = get("/echo?mode=invalid");

        assertThat(thrown.statusCode()).isEqualTo(500);
        assertThat(thrown.body()).isEqualTo("{\"message\":\"Internal Server Error\"}");
        assertThat(invalid.statusCode()).isEqualTo(500);
    }

    @Test
    void timeout_shouldGet500_andTheNextRequestAFreshInstance() throws Exception {
        int before = stack.instancesCreated("SleepFunction");
        assertThat(json(get("/sleep?ms=0")).path("invocations").asInt()).isPositive();

        long start = System.nanoTime();
        HttpResponse<String> timedOut = get("/sleep?ms=3000");
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(timedOut.statusCode()).isEqualTo(500);
        assertThat(elapsedMillis).isBetween(900L, 2500L);
        HttpResponse<String> after = get("/sleep?ms=0");
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(json(after).path("invocations").asInt()).isEqualTo(1);
        assertThat(stack.instancesCreated("SleepFunction")).isGreaterThan(before);
    }

    @Test
    void functions_shouldBeIsolatedInTheirOwnClassLoaders() throws Exception {
        int echoFirst = json(get("/echo?mode=counter")).path("invocations").asInt();
        json(get("/other?mode=counter"));
        json(get("/other?mode=counter"));
        int echoSecond = json(get("/echo?mode=counter")).path("invocations").asInt();

        assertThat(echoSecond).isEqualTo(echoFirst + 1);
        JsonNode context = json(get("/echo?mode=context"));
        assertThat(context.path("gatewayVisible").asBoolean()).isFalse();
        assertThat(context.path("tccl").asBoolean()).isTrue();
        assertThat(context.path("functionName").asText()).isEqualTo("storefront-local-echo");
        assertThat(context.path("functionVersion").asText()).isEqualTo("$LATEST");
        assertThat(context.path("arn").asText()).isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:storefront-local-echo");
        assertThat(context.path("logGroup").asText()).isEqualTo("/aws/lambda/storefront-local-echo");
        assertThat(context.path("memory").asInt()).isEqualTo(512);
        assertThat(context.path("remaining").asInt()).isBetween(1, 5000);
        assertThat(context.path("requestId").asText()).hasSize(36);
    }

    @Test
    void environment_shouldBeThePerFunctionResourceWithLocalOverrides() throws Exception {
        JsonNode echo = json(get("/echo?mode=env"));
        JsonNode other = json(get("/other?mode=env"));

        assertThat(echo.path("FIXTURE_VAR").asText()).isEqualTo("echo-value");
        assertThat(other.path("FIXTURE_VAR").asText()).isEqualTo("other-value");
        assertThat(echo.path("FIXTURE_GLOBAL").asText()).isEqualTo("global-value");
        assertThat(echo.path("TABLE").asText()).isEqualTo("ItemsTable");
        assertThat(echo.path("AWS_ENDPOINT_URL").asText()).isEqualTo(stack.dynamoDbEndpoint().toString());
        assertThat(echo.path("AWS_ACCESS_KEY_ID").asText()).isEqualTo("local");
        assertThat(echo.path("AWS_REGION").asText()).isEqualTo("us-east-1");
        assertThat(echo.path("STOREFRONT_REDIS_URL").asText()).isEqualTo(stack.redis().url());
        assertThat(echo.path("STOREFRONT_REDIS_CLUSTER").asText()).isEqualTo("false");
        assertThat(echo.path("AWS_LAMBDA_FUNCTION_NAME").asText()).isEqualTo("storefront-local-echo");
        assertThat(echo.path("AWS_LAMBDA_FUNCTION_MEMORY_SIZE").asText()).isEqualTo("512");
        assertThat(echo.path("AWS_LAMBDA_FUNCTION_VERSION").asText()).isEqualTo("$LATEST");
        assertThat(echo.path("STOREFRONT_JWT_SIGNING_JWK").asText()).contains("\"d\"");
        assertThat(echo.has("STOREFRONT_JWT_SIGNING_KEY_SECRET_ARN")).isFalse();
        assertThat(other.has("STOREFRONT_JWT_SIGNING_JWK")).isFalse();
        assertThat(other.path("STOREFRONT_JWT_PUBLIC_JWKS").asText()).contains("\"keys\"").doesNotContain("\"d\"");
    }

    @Test
    void streamRecords_shouldBeDeliveredWithinSeconds() throws Exception {
        stack.dynamoDb().putItem(b -> b.tableName("ItemsTable").item(Map.of(
                "pk", AttributeValue.fromS("stream-1"), "n", AttributeValue.fromN("42"))));

        List<JsonNode> records = awaitRecords(r -> r.path("dynamodb").path("Keys").path("pk").path("S").asText().equals("stream-1"));

        JsonNode record = records.get(0);
        assertThat(record.path("eventName").asText()).isEqualTo("INSERT");
        assertThat(record.path("eventSource").asText()).isEqualTo("aws:dynamodb");
        assertThat(record.path("eventVersion").asText()).isEqualTo("1.1");
        assertThat(record.path("awsRegion").asText()).isEqualTo("us-east-1");
        assertThat(record.path("eventSourceARN").asText()).contains("ItemsTable/stream/");
        assertThat(record.path("dynamodb").path("NewImage").path("n").path("N").asText()).isEqualTo("42");
        assertThat(record.path("dynamodb").path("StreamViewType").asText()).isEqualTo("NEW_AND_OLD_IMAGES");
        assertThat(record.path("dynamodb").path("SequenceNumber").asText()).isNotBlank();
        assertThat(record.path("dynamodb").path("ApproximateCreationDateTime").isNumber()).isTrue();
    }

    @Test
    void failingStreamBatch_shouldBeRetriedThenSkipped() throws Exception {
        stack.dynamoDb().putItem(b -> b.tableName("ItemsTable").item(Map.of(
                "pk", AttributeValue.fromS("fail-me"))));
        stack.dynamoDb().putItem(b -> b.tableName("ItemsTable").item(Map.of(
                "pk", AttributeValue.fromS("after-failure"))));

        awaitRecords(r -> r.path("dynamodb").path("Keys").path("pk").path("S").asText().equals("after-failure"));

        // Whether both records came in one batch (then bisected) or not, the lone failing record is tried
        // once plus MaximumRetryAttempts (1) times.
        long loneFailures = 0;
        try (Stream<Path> files = Files.list(recordDir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".failed")).toList()) {
                if (JSON.readTree(file.toFile()).path("Records").size() == 1) {
                    loneFailures++;
                }
            }
        }
        assertThat(loneFailures).isEqualTo(2);
    }

    @Test
    void schedule_shouldDeliverAScheduledEventOnDemand() throws Exception {
        stack.triggerSchedule("RecorderFunction", "Tick");

        List<JsonNode> events = awaitEvents(e -> e.path("detail-type").asText().equals("Scheduled Event"));

        JsonNode event = events.get(0);
        assertThat(event.path("source").asText()).isEqualTo("aws.events");
        assertThat(event.path("account").asText()).isEqualTo("123456789012");
        assertThat(event.path("resources").get(0).asText()).startsWith("arn:aws:events:us-east-1:123456789012:rule/");
    }

    private static List<JsonNode> awaitRecords(java.util.function.Predicate<JsonNode> wanted) throws Exception {
        return await(event -> {
            List<JsonNode> found = new ArrayList<>();
            event.path("Records").forEach(r -> {
                if (wanted.test(r)) {
                    found.add(r);
                }
            });
            return found;
        });
    }

    private static List<JsonNode> awaitEvents(java.util.function.Predicate<JsonNode> wanted) throws Exception {
        return await(event -> wanted.test(event) ? List.of(event) : List.of());
    }

    private static List<JsonNode> await(java.util.function.Function<JsonNode, List<JsonNode>> extract) throws Exception {
        long deadline = System.currentTimeMillis() + 5000;
        while (System.currentTimeMillis() < deadline) {
            List<JsonNode> found = new ArrayList<>();
            try (Stream<Path> files = Files.list(recordDir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                    found.addAll(extract.apply(JSON.readTree(file.toFile())));
                }
            }
            if (!found.isEmpty()) {
                return found;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("Nothing arrived within 5 s in " + recordDir);
    }

    @Test
    void baseUrl_shouldBeLoopback() {
        assertThat(stack.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:" + stack.port()));
    }
}
