package dev.storefront.platform;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.storefront.platform.http.Json;
import dev.storefront.platform.function.FunctionHandler;
import dev.storefront.platform.snapstart.Priming;
import dev.storefront.platform.snapstart.PrimingResult;
import dev.storefront.platform.snapstart.PrimingStep;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Base of every function that is not behind the HTTP API (stream consumers, schedules): the same start as
 * {@link dev.storefront.platform.http.ApiHandler} ({@link FunctionHandler}: the Micronaut lifecycle owns the context)
 * and the same log context (function, request id, cold start) around each event. Subclasses only handle the event.
 *
 * <p>SnapStart: their real work writes (streams, sweeps), so priming parses a sample event
 * ({@link #primingEvent()}) and runs the subclass's read-only {@link #primingSteps()} instead of {@link #handle}.
 */
public abstract class EventHandler extends FunctionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(EventHandler.class);

    protected EventHandler() {
        super();
    }

    protected EventHandler(ApplicationContext applicationContext) {
        super(applicationContext);
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

    @Override
    protected final void handle(InputStream input, OutputStream output, Context context) throws IOException {
        MDC.put("function", functionName);
        MDC.put("coldStart", Boolean.toString(firstInvocation()));
        if (context != null) {
            MDC.put("requestId", context.getAwsRequestId());
        }
        long started = System.nanoTime();
        try {
            JsonNode event = Json.eventMapper().readTree(input);
            output.write(handle(event, context).getBytes(StandardCharsets.UTF_8));
            LOG.info("{} handled in {} ms", describe(event), (System.nanoTime() - started) / 1_000_000);
        } finally {
            MDC.clear();
        }
    }

    /** What an event is, for the log: its source and size, never its content. */
    static String describe(JsonNode event) {
        JsonNode records = event.path("Records");
        if (records.isArray()) {
            String source = records.path(0).path("eventSource").asText("unknown");
            return records.size() + " record(s) from " + source;
        }
        if (event.hasNonNull("source") && event.hasNonNull("detail-type")) {
            return event.path("detail-type").asText() + " from " + event.path("source").asText();
        }
        return "event";
    }

    /** Runs the priming once; returns what each step did. Never throws. */
    @Override
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
}
