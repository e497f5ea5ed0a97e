package dev.storefront.platform.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.storefront.domain.ReservedKeys;
import dev.storefront.domain.auth.Principal;
import dev.storefront.platform.config.EnvVars;
import dev.storefront.platform.metrics.BusinessMetrics;
import dev.storefront.platform.metrics.EmfMetrics;
import dev.storefront.platform.function.FunctionHandler;
import dev.storefront.platform.snapstart.Priming;
import dev.storefront.platform.snapstart.PrimingResult;
import dev.storefront.platform.snapstart.PrimingStep;
import io.micronaut.context.ApplicationContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Base of every HTTP function: reads the API Gateway HTTP API (payload 2.0) event from the stream, runs the
 * {@link RequestPipeline}, and writes the payload 2.0 response. Subclasses are thin: they only name their pipeline
 * (and the requests that prime it). The Micronaut lifecycle ({@link FunctionHandler}) owns the context.
 *
 * <p>SnapStart priming runs the subclass's {@link #primingRequests()} through the handler's own path and, for a
 * function with protected routes, a request with a forged token (401: the token verification), then its
 * {@link #primingSteps()}.
 */
public abstract class ApiHandler extends FunctionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
    private static final Duration PRIMING_TIME_LEFT = Duration.ofSeconds(30);
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");

    private final String publicJwks;
    private final EmfMetrics releaseMetrics;

    protected ApiHandler() {
        super();
        this.publicJwks = variables.get(EnvVars.JWT_PUBLIC_JWKS);
        this.releaseMetrics = releaseMetrics();
    }

    protected ApiHandler(ApplicationContext applicationContext) {
        super(applicationContext);
        this.publicJwks = variables.get(EnvVars.JWT_PUBLIC_JWKS);
        this.releaseMetrics = releaseMetrics();
    }

    /** Per version, so that the alarms of a release see the new version's 5xx answers only. */
    private EmfMetrics releaseMetrics() {
        return new EmfMetrics(functionName,
                Map.of("Version", variables.getOrDefault(EnvVars.FUNCTION_VERSION, "$LATEST")), System.out,
                Clock.systemUTC());
    }

    /** The pipeline serving this function's routes. */
    protected abstract RequestPipeline pipeline();

    /**
     * The requests that prime this function before a SnapStart snapshot, run through the real entry point. Each
     * must only read keys that cannot exist ({@link ReservedKeys}) and write nothing durable.
     */
    protected List<PrimingRequest> primingRequests() {
        return List.of();
    }

    /** Priming that no request can do (e.g. a signer the function only uses on success paths). */
    protected List<PrimingStep> primingSteps() {
        return List.of();
    }

    @Override
    protected final void handle(InputStream input, OutputStream output, Context context) throws IOException {
        Duration remaining = Duration.ofMillis(context == null ? 30_000 : context.getRemainingTimeInMillis());
        serve(input, output, remaining, null, false);
    }

    /**
     * Runs the priming requests and steps once; returns what each did. Never throws: what went wrong is in the
     * results. Called by {@link #beforeCheckpoint}; callable directly (tests, benchmarks).
     */
    @Override
    public final List<PrimingResult> prime() {
        List<PrimingRequest> requests = new ArrayList<>(primingRequests());
        forgedTokenRequest().ifPresent(requests::add);
        List<PrimingResult> results = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            results.add(prime(requests.get(i), i + 1));
        }
        results.addAll(Priming.run(primingSteps()));
        return results;
    }

    private PrimingResult prime(PrimingRequest request, int sequence) {
        long started = System.nanoTime();
        String outcome;
        boolean expected;
        try {
            byte[] event = Json.mapper().writeValueAsBytes(request.event(sequence));
            int status = serve(new ByteArrayInputStream(event), new ByteArrayOutputStream(), PRIMING_TIME_LEFT,
                    request.caller(), true);
            outcome = Integer.toString(status);
            expected = status == request.expectedStatus();
        } catch (IOException | RuntimeException e) {
            outcome = e.getClass().getSimpleName();
            expected = false;
        }
        String step = request.routeKey() + (request.caller() == null ? "" : " (as caller)");
        return new PrimingResult(step, outcome, expected, (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * For a function with protected routes: the first of them with a token that names a real verification key
     * but carries a signature no key made - the whole verification runs and refuses it (401) before the route.
     */
    private Optional<PrimingRequest> forgedTokenRequest() {
        return pipeline().firstProtectedRoute().map(route -> {
            PrimingRequest request = PrimingRequest.route(route.routeKey())
                    .header("authorization", "Bearer " + forgedToken(firstKeyId(publicJwks)))
                    .expect(401);
            Matcher parameters = PATH_PARAMETER.matcher(route.routeKey());
            while (parameters.find()) {
                request = request.pathParameter(parameters.group(1), ReservedKeys.ABSENT_ID);
            }
            return request;
        });
    }

    static String forgedToken(String keyId) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "ES256");
        header.put("typ", "at+jwt");
        if (keyId != null) {
            header.put("kid", keyId);
        }
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", ReservedKeys.ABSENT_ID);
        claims.put("roles", List.of("shopper"));
        claims.put("iat", now);
        claims.put("exp", now + 60);
        claims.put("jti", ReservedKeys.ABSENT_ID);
        byte[] signature = new byte[64];
        Arrays.fill(signature, (byte) 1);
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        try {
            return base64.encodeToString(Json.mapper().writeValueAsBytes(header)) + "."
                    + base64.encodeToString(Json.mapper().writeValueAsBytes(claims)) + "."
                    + base64.encodeToString(signature);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String firstKeyId(String publicJwks) {
        if (publicJwks == null || publicJwks.isBlank()) {
            return null;
        }
        try {
            String kid = Json.mapper().readTree(publicJwks).path("keys").path(0).path("kid").asText(null);
            return kid == null || kid.isEmpty() ? null : kid;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private int serve(InputStream input, OutputStream output, Duration remaining, Principal primingCaller,
            boolean priming) throws IOException {
        long started = System.nanoTime();
        HttpApiEvent event = Json.eventMapper().readerFor(HttpApiEvent.class).readValue(input);
        ApiRequest request = toRequest(event);
        MDC.put("requestId", request.requestId());
        MDC.put("function", functionName);
        // Priming is not an invocation: the first request after a restore is still reported as the cold one.
        MDC.put("coldStart", Boolean.toString(!priming && firstInvocation()));
        if (priming) {
            MDC.put("priming", "true");
        }
        try {
            ApiResponse response = primingCaller == null ? pipeline().handle(request, remaining)
                    : pipeline().handleAs(request, primingCaller);
            response = response.withHeader("X-Request-Id", request.requestId());
            if (response.header("Cache-Control") == null) {
                response = response.withHeader("Cache-Control", "no-store");
            }
            write(response, output);
            if (!priming && response.status() >= 500) {
                releaseMetrics.count(BusinessMetrics.HTTP_5XX, 1);
            }
            // The route key names the method; $default (no route) does not.
            String route = "$default".equals(request.routeKey()) ? request.method() + " $default" : request.routeKey();
            LOG.info("{} -> {} in {} ms", route, response.status(), (System.nanoTime() - started) / 1_000_000);
            return response.status();
        } finally {
            MDC.clear();
        }
    }

    static ApiRequest toRequest(HttpApiEvent event) {
        Map<String, String> headers = new HashMap<>();
        if (event.headers() != null) {
            event.headers().forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), value));
        }
        byte[] body = event.body() == null ? new byte[0]
                : event.base64Encoded() ? decode(event.body()) : event.body().getBytes(StandardCharsets.UTF_8);
        HttpApiEvent.RequestContext context = event.requestContext();
        String requestId = context != null && context.requestId() != null ? context.requestId()
                : UUID.randomUUID().toString();
        String method = context != null && context.http() != null ? context.http().method() : "GET";
        return new ApiRequest(method, event.routeKey() == null ? "$default" : event.routeKey(),
                event.rawPath() == null ? "/" : event.rawPath(),
                event.rawQueryString() == null ? "" : event.rawQueryString(), headers,
                event.queryStringParameters() == null ? Map.of() : event.queryStringParameters(),
                event.pathParameters() == null ? Map.of() : event.pathParameters(), body, requestId, null);
    }

    private static byte[] decode(String body) {
        try {
            return Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            return body.getBytes(StandardCharsets.UTF_8);
        }
    }

    private static void write(ApiResponse response, OutputStream output) throws IOException {
        try (JsonGenerator json = Json.mapper().getFactory().createGenerator(output)) {
            json.writeStartObject();
            json.writeNumberField("statusCode", response.status());
            json.writeObjectFieldStart("headers");
            for (Map.Entry<String, String> header : response.headers().entrySet()) {
                json.writeStringField(header.getKey(), header.getValue());
            }
            json.writeEndObject();
            json.writeStringField("body", response.body());
            json.writeBooleanField("isBase64Encoded", false);
            json.writeEndObject();
        }
    }
}
