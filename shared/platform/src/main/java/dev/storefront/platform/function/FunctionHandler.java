package dev.storefront.platform.function;

import com.amazonaws.services.lambda.runtime.Context;
import dev.storefront.platform.config.EnvVars;
import dev.storefront.platform.config.LambdaEnvironment;
import dev.storefront.platform.snapstart.Priming;
import dev.storefront.platform.snapstart.PrimingResult;
import dev.storefront.platform.snapstart.SnapStart;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.event.ApplicationEventPublisher;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.micronaut.function.aws.HandlerUtils;
import io.micronaut.function.aws.event.AfterExecutionEvent;
import io.micronaut.function.executor.FunctionInitializer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.crac.Resource;

/**
 * Base of every Lambda handler of the storefront, on Micronaut Function's {@link FunctionInitializer}: the
 * Micronaut lifecycle builds and starts the application context (from {@link FunctionContexts#builder()}) and
 * injects the subclass's fields; each invocation registers Lambda's {@link Context} as a bean and fills the log
 * context ({@link HandlerUtils}, through the {@link io.micronaut.function.aws.DiagnosticInfoPopulator}) and
 * publishes an {@link AfterExecutionEvent}, as Micronaut's request handlers do. A storefront handler reads and
 * writes the stream itself ({@link #handle}), so that bad input can never reach a codec that answers with a stack
 * trace; this is why the base is the function initializer and not {@code MicronautRequestStreamHandler}, whose
 * function-bean dispatch and codecs (micronaut-http, ~130 classes and ~100 bean definitions at every cold start,
 * docs/benchmarks.md) such a handler would never use.
 *
 * <p>Lambda instantiates a handler with its no-arg constructor; tests pass their own context (Micronaut's test
 * contract), which the base starts if it is not running.
 *
 * <p>SnapStart: a handler is a CRaC {@link Resource}. Before the snapshot it primes ({@link #prime()}) and lets the
 * {@link dev.storefront.platform.snapstart.SnapStartHook}s close what must not be snapshotted; after the restore
 * they re-open it.
 */
public abstract class FunctionHandler extends FunctionInitializer implements RequestStreamHandler, Resource {

    static {
        // Before any logger is created: the JVM's DNS cache must be off in a snapshot (see SnapStart).
        SnapStart.configureJvm(System.getenv(SnapStart.INITIALIZATION_TYPE));
    }

    private static final AtomicBoolean COLD = new AtomicBoolean(true);

    /** The function's environment variables ({@link LambdaEnvironment}), read once at init. */
    protected final Map<String, String> variables = LambdaEnvironment.variables();
    /** The function's name as Lambda reports it ({@code local} outside Lambda). */
    protected final String functionName = variables.getOrDefault(EnvVars.FUNCTION_NAME, "local");
    private ApplicationEventPublisher<AfterExecutionEvent> afterExecution;

    protected FunctionHandler() {
        super();
        registerForSnapshot();
    }

    protected FunctionHandler(ApplicationContext applicationContext) {
        super(applicationContext, false);
        startThis(applicationContext);
        injectThis(applicationContext);
        registerForSnapshot();
    }

    @Override
    protected final ApplicationContextBuilder newApplicationContextBuilder() {
        return FunctionContexts.builder();
    }

    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        HandlerUtils.configureWithContext(this, context);
        try {
            handle(input, output, context);
            afterExecution().publishEvent(AfterExecutionEvent.success(context, null));
        } catch (IOException | RuntimeException | Error e) {
            afterExecution().publishEvent(AfterExecutionEvent.failure(context, e));
            throw e;
        }
    }

    /**
     * Handles one invocation: reads the event from {@code input}, writes the result to {@code output}.
     *
     * @param context Lambda's context; null when invoked outside Lambda
     */
    protected abstract void handle(InputStream input, OutputStream output, Context context) throws IOException;

    /** Runs the priming once; returns what each step did. Never throws: what went wrong is in the results. */
    public abstract List<PrimingResult> prime();

    /** What the function itself must renew in a restored environment (after the shared hooks). */
    protected void restored() {
    }

    /** Whether this is the first invocation of this execution environment (true once, then false). */
    protected static boolean firstInvocation() {
        return COLD.getAndSet(false);
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        Priming.beforeCheckpoint(functionName, this::prime, applicationContext);
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        Priming.afterRestore(functionName, applicationContext, this::restored);
    }

    private ApplicationEventPublisher<AfterExecutionEvent> afterExecution() {
        if (afterExecution == null) {
            afterExecution = applicationContext.getEventPublisher(AfterExecutionEvent.class);
        }
        return afterExecution;
    }

    private void registerForSnapshot() {
        if (SnapStart.mayCheckpoint(variables.get(SnapStart.INITIALIZATION_TYPE))) {
            SnapStart.register(this);
        }
    }
}
