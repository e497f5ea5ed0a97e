package dev.storefront.platform.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.storefront.platform.config.EnvVars;
import dev.storefront.platform.config.LambdaEnvironment;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Base of every HTTP function: reads the API Gateway HTTP API (payload 2.0) event from the stream,
 * runs the {@link RequestPipeline}, and writes the payload 2.0 response. Subclasses are thin: they
 * only name their pipeline. Lambda instantiates the subclass with its no-arg constructor, which
 * starts the Micronaut context and injects the subclass's fields.
 */
public abstract class ApiHandler implements RequestStreamHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
    private static final AtomicBoolean COLD = new AtomicBoolean(true);

    protected final ApplicationContext applicationContext;
    private final String functionName;

    protected ApiHandler() {
        this(ApplicationContext.builder().deduceEnvironment(false).banner(false).start());
    }

    protected ApiHandler(ApplicationContext applicationContext) {
        this.applicationContext = applicationContext;
        this.functionName = LambdaEnvironment.variables().getOrDefault(EnvVars.FUNCTION_NAME, "local");
        applicationContext.inject(this);
    }

    /** The pipeline serving this function's routes. */
    protected abstract RequestPipeline pipeline();

    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        long started = System.nanoTime();
        HttpApiEvent event = Json.eventMapper().readerFor(HttpApiEvent.class).readValue(input);
        ApiRequest request = toRequest(event);
        MDC.put("requestId", request.requestId());
        MDC.put("function", functionName);
        MDC.put("coldStart", Boolean.toString(COLD.getAndSet(false)));
        try {
            Duration remaining = Duration.ofMillis(context == null ? 30_000 : context.getRemainingTimeInMillis());
            ApiResponse response = pipeline().handle(request, remaining)
                    .withHeader("X-Request-Id", request.requestId());
            if (response.header("Cache-Control") == null) {
                response = response.withHeader("Cache-Control", "no-store");
            }
            write(response, output);
            LOG.info("{} {} -> {} in {} ms", request.method(), request.routeKey(), response.status(),
                    (System.nanoTime() - started) / 1_000_000);
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
