package dev.storefront.platform;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.storefront.platform.config.EnvVars;
import dev.storefront.platform.config.LambdaEnvironment;
import dev.storefront.platform.http.Json;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.MDC;

/**
 * Base of every function that is not behind the HTTP API (stream consumers, schedules): the same start as
 * {@link dev.storefront.platform.http.ApiHandler} - the Micronaut context, the subclass's fields injected - and
 * the same log context (function, request id, cold start) around each event. Subclasses only handle the event.
 */
public abstract class EventHandler implements RequestStreamHandler {

    private static final AtomicBoolean COLD = new AtomicBoolean(true);

    private final String functionName;

    protected EventHandler() {
        this(ApplicationContext.builder().deduceEnvironment(false).banner(false).start());
    }

    protected EventHandler(ApplicationContext applicationContext) {
        this.functionName = LambdaEnvironment.variables().getOrDefault(EnvVars.FUNCTION_NAME, "local");
        applicationContext.inject(this);
    }

    /**
     * Handles one event (its JSON) and returns the function's JSON result.
     *
     * @param context Lambda's context; null when invoked outside Lambda
     */
    protected abstract String handle(JsonNode event, Context context);

    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        MDC.put("function", functionName);
        MDC.put("coldStart", Boolean.toString(COLD.getAndSet(false)));
        if (context != null) {
            MDC.put("requestId", context.getAwsRequestId());
        }
        try {
            JsonNode event = Json.eventMapper().readTree(input);
            output.write(handle(event, context).getBytes(StandardCharsets.UTF_8));
        } finally {
            MDC.clear();
        }
    }
}
