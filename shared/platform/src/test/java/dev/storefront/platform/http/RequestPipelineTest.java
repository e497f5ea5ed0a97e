package dev.storefront.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storefront.domain.auth.InvalidTokenException;
import dev.storefront.domain.auth.Principal;
import dev.storefront.domain.auth.Role;
import dev.storefront.domain.idempotency.IdempotencyRecord;
import dev.storefront.domain.idempotency.IdempotencyStore;
import dev.storefront.domain.idempotency.StoredResponse;
import dev.storefront.platform.idempotency.IdempotencyGuard;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RequestPipelineTest {

    private final AtomicInteger executions = new AtomicInteger();
    private final InMemoryIdempotencyStore store = new InMemoryIdempotencyStore();
    private volatile CountDownLatch blockFirst;

    private final RequestPipeline pipeline = new RequestPipeline(
            Routes.builder()
                    .post("/things", Access.anonymous(), Idempotency.HONOURED, request -> {
                        executions.incrementAndGet();
                        awaitGate();
                        return ApiResponse.created(Map.of("n", executions.get()));
                    })
                    .post("/pay", Access.signedIn(), Idempotency.REQUIRED, request ->
                            ApiResponse.created(Map.of("caller", request.caller().userId())))
                    .get("/admin", Access.role(Role.ADMIN), request -> ApiResponse.ok(Map.of()))
                    .get("/boom", Access.anonymous(), request -> {
                        throw new IllegalStateException("internal detail");
                    })
                    .build(),
            new Authenticator(token -> switch (token) {
                case "shopper" -> new Principal("u1", Set.of(Role.SHOPPER));
                case "admin" -> new Principal("u2", Set.of(Role.ADMIN));
                default -> throw new InvalidTokenException("The access token is not valid.");
            }),
            new IdempotencyGuard(store, Clock.systemUTC()),
            new ErrorMapper());

    @Test
    void handle_shouldAnswer404Problem_forUnknownRoutes() {
        ApiResponse response = pipeline.handle(Requests.get("/nope", Map.of()), Duration.ofSeconds(5));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
    }

    @Test
    void handle_shouldAnswer401_withoutToken_andWithABadToken() {
        ApiResponse missing = pipeline.handle(Requests.post("/pay", "{}"), Duration.ofSeconds(5));
        ApiResponse forged = pipeline.handle(Requests.post("/pay", "{}", Requests.headers(
                "content-type", "application/json", "authorization", "Bearer forged")), Duration.ofSeconds(5));
        ApiResponse basic = pipeline.handle(Requests.post("/pay", "{}", Requests.headers(
                "content-type", "application/json", "authorization", "Basic dTpw")), Duration.ofSeconds(5));

        assertThat(missing.status()).isEqualTo(401);
        assertThat(forged.status()).isEqualTo(401);
        assertThat(basic.status()).isEqualTo(401);
        assertThat(forged.header("WWW-Authenticate")).contains("invalid_token");
    }

    @Test
    void handle_shouldAnswer403_whenTheRoleIsMissing() {
        ApiResponse response = pipeline.handle(Requests.get("/admin", Map.of("authorization", "Bearer shopper")),
                Duration.ofSeconds(5));

        assertThat(response.status()).isEqualTo(403);
        assertThat(pipeline.handle(Requests.get("/admin", Map.of("authorization", "bearer admin")),
                Duration.ofSeconds(5)).status()).isEqualTo(200);
    }

    @Test
    void handle_shouldAnswer500WithoutDetails_forUnexpectedFailures() {
        ApiResponse response = pipeline.handle(Requests.get("/boom", Map.of()), Duration.ofSeconds(5));

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.body()).doesNotContain("internal detail");
    }

    @Test
    void idempotency_shouldReplayTheFirstResponse_forTheSameKeyAndBody() {
        ApiResponse first = pipeline.handle(keyed("/things", "k-1", "{\"a\":1}"), Duration.ofSeconds(5));
        ApiResponse second = pipeline.handle(keyed("/things", "k-1", "{\"a\":1}"), Duration.ofSeconds(5));

        assertThat(executions).hasValue(1);
        assertThat(second.status()).isEqualTo(first.status()).isEqualTo(201);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(first.header("Idempotent-Replayed")).isNull();
    }

    @Test
    void idempotency_shouldAnswer422_forTheSameKeyWithAnotherBody() {
        pipeline.handle(keyed("/things", "k-2", "{\"a\":1}"), Duration.ofSeconds(5));

        ApiResponse response = pipeline.handle(keyed("/things", "k-2", "{\"a\":2}"), Duration.ofSeconds(5));

        assertThat(response.status()).isEqualTo(422);
        assertThat(executions).hasValue(1);
    }

    @Test
    void idempotency_shouldAnswer409_whileTheFirstRequestRuns() throws Exception {
        blockFirst = new CountDownLatch(1);
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Future<ApiResponse> first = executor.submit(
                    () -> pipeline.handle(keyed("/things", "k-3", "{}"), Duration.ofSeconds(5)));
            awaitClaim("k-3");

            ApiResponse concurrent = pipeline.handle(keyed("/things", "k-3", "{}"), Duration.ofSeconds(5));
            blockFirst.countDown();

            assertThat(concurrent.status()).isEqualTo(409);
            assertThat(first.get(5, TimeUnit.SECONDS).status()).isEqualTo(201);
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void idempotency_shouldScopeKeysPerCaller() {
        Map<String, String> shopper = Requests.headers("content-type", "application/json",
                "authorization", "Bearer shopper", "idempotency-key", "same");
        Map<String, String> admin = Requests.headers("content-type", "application/json",
                "authorization", "Bearer admin", "idempotency-key", "same");

        ApiResponse one = pipeline.handle(Requests.post("/pay", "{}", shopper), Duration.ofSeconds(5));
        ApiResponse two = pipeline.handle(Requests.post("/pay", "{}", admin), Duration.ofSeconds(5));

        assertThat(one.body()).contains("u1");
        assertThat(two.body()).contains("u2");
        assertThat(two.header("Idempotent-Replayed")).isNull();
    }

    @Test
    void idempotency_shouldRequireTheKey_whereTheContractSaysSo_andCheckItsShape() throws Exception {
        Map<String, String> noKey = Requests.headers("content-type", "application/json",
                "authorization", "Bearer shopper");
        Map<String, String> badKey = Requests.headers("content-type", "application/json",
                "authorization", "Bearer shopper", "idempotency-key", "caf\u00e9");

        ApiResponse missing = pipeline.handle(Requests.post("/pay", "{}", noKey), Duration.ofSeconds(5));
        ApiResponse invalid = pipeline.handle(Requests.post("/pay", "{}", badKey), Duration.ofSeconds(5));

        assertThat(missing.status()).isEqualTo(400);
        JsonNode problem = Json.mapper().readTree(missing.body());
        assertThat(problem.get("type").asText()).endsWith("idempotency-key-required");
        assertThat(invalid.status()).isEqualTo(400);
    }

    private ApiRequest keyed(String path, String key, String body) {
        return Requests.post(path, body, Requests.headers("content-type", "application/json",
                "idempotency-key", key));
    }

    private void awaitGate() {
        CountDownLatch gate = blockFirst;
        if (gate != null) {
            try {
                gate.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void awaitClaim(String clientKey) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (store.records.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(store.records).as("claim for " + clientKey).isNotEmpty();
    }

    /** Same conditional semantics as the DynamoDB store, in memory. */
    static final class InMemoryIdempotencyStore implements IdempotencyStore {
        final Map<String, IdempotencyRecord> records = new HashMap<>();

        @Override
        public synchronized Optional<IdempotencyRecord> claim(IdempotencyRecord record, Instant now) {
            IdempotencyRecord existing = records.get(record.key());
            boolean claimable = existing == null || !existing.expiresAt().isAfter(now)
                    || (existing.inProgress() && !existing.lockExpiresAt().isAfter(now));
            if (claimable) {
                records.put(record.key(), record);
                return Optional.empty();
            }
            return Optional.of(existing);
        }

        @Override
        public synchronized void complete(String key, String requestHash, StoredResponse response, Instant expiresAt) {
            IdempotencyRecord existing = records.get(key);
            if (existing != null && existing.requestHash().equals(requestHash) && existing.inProgress()) {
                records.put(key, new IdempotencyRecord(key, requestHash, response, existing.lockExpiresAt(),
                        expiresAt));
            }
        }

        @Override
        public synchronized void release(String key, String requestHash) {
            IdempotencyRecord existing = records.get(key);
            if (existing != null && existing.requestHash().equals(requestHash) && existing.inProgress()) {
                records.remove(key);
            }
        }
    }
}
