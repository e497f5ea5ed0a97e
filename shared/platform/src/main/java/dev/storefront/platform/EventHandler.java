package dev.storefront.platform;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.storefront.platform.config.EnvVars;
import dev.storefront.platform.config.LambdaEnvironment;
import dev.storefront.platform.http.Json;
import dev.storefront.platform.snapstart.Priming;
import dev.storefront.platform.snapstart.PrimingResult;
import dev.storefront.platform.snapstart.PrimingStep;
import dev.storefront.platform.snapstart.SnapStart;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.crac.Resource;
import org.slf4j.MDC;

/**
 * Base of every function that is not behind the HTTP API (stream consumers, schedules): the same start as
 * {@link dev.storefront.platform.http.ApiHandler} - the Micronaut context, the subclass's fields injected - and
 * the same log context (function, request id, cold start) around each event. Subclasses only handle the event.
 *
 * <p>SnapStart: as {@code ApiHandler}, a CRaC {@link Resource}. Their real work writes (streams, sweeps), so
 * priming parses a sample event ({@link #primingEvent()}) and runs the subclass's read-only
 * {@link #primingSteps()} instead of {@link #handle}.
 */
public abstract class EventHandler implements RequestStreamHandler, Resource {

    static {
        // Before any logger is created: the JVM's DNS cache must be off in a snapshot (see SnapStart).
        SnapStart.configureJvm(System.getenv(SnapStart.INITIALIZATION_TYPE));
    }

    private static final AtomicBoolean COLD = new AtomicBoolean(true);

    private final ApplicationContext applicationContext;
    private final String functionName;

    protected EventHandler() {
        this(ApplicationContext.builder().deduceEnvironment(false).banner(false).start());
    }

    protected EventHandler(ApplicationContext applicationContext) {
        this.applicationContext = applicationContext;
        Map<String, String> variables = LambdaEnvironment.variables();
        this.functionName = variables.getOrDefault(EnvVars.FUNCTION_NAME, "local");
        applicationContext.inject(this);
        if (SnapStart.mayCheckpoint(variables.get(SnapStart.INITIALIZATION_TYPE))) {
            SnapStart.register(this);
        }
    }

    /**
     * Handles one event (its JSON) and returns the function's JSON result.
     *
     * @param context Lambda's context; null when invoked outside Lambda
     */
    protected abstract String handle(JsonNode event, Context context);

    /** A sample of the events this function receives, parsed (not handled) when priming; null for none. */
    protected String primingEvent() {
        return null;
    }

    /**
     * Read-only calls that prime the function's services before a SnapStart snapshot; each must only read keys
     * that cannot exist ({@link dev.storefront.domain.ReservedKeys}).
     */
    protected List<PrimingStep> primingSteps() {
        return List.of();
    }

    /** What the function itself must renew in a restored environment (after the shared hooks). */
    protected void restored() {
    }

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

    /** Runs the priming once; returns what each step did. Never throws. */
    public final List<PrimingResult> prime() {
        List<PrimingStep> steps = new ArrayList<>();
        String event = primingEvent();
        if (event != null) {
            steps.add(new PrimingStep("event parsing", () -> {
                try {
                    Json.eventMapper().readTree(event);
                } catch (JsonProcessingException e) {
                    throw new UncheckedIOException(e);
                }
            }));
        }
        steps.addAll(primingSteps());
        return Priming.run(steps);
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        Priming.beforeCheckpoint(functionName, this::prime, applicationContext);
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        Priming.afterRestore(functionName, applicationContext, this::restored);
    }
}
