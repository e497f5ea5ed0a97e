package dev.storefront.platform.function;

import com.amazonaws.services.lambda.runtime.Context;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.function.aws.DefaultDiagnosticInfoPopulator;
import io.micronaut.function.aws.DiagnosticInfoPopulator;
import io.micronaut.function.aws.XRayUtils;
import jakarta.inject.Singleton;
import org.slf4j.MDC;

/**
 * What Micronaut Function puts in the log context of each invocation: Lambda's request id (the one its
 * {@code REPORT} line shows) and the X-Ray trace id. Micronaut's default also adds the function's name, version,
 * ARN (which holds the account id), memory and remaining time to every line; the handler logs the function's name
 * itself, and the rest is in Lambda's own platform lines.
 */
@Singleton
@Replaces(DefaultDiagnosticInfoPopulator.class)
public class LambdaLogContext implements DiagnosticInfoPopulator {

    /** Log-context key of Lambda's request id. */
    public static final String AWS_REQUEST_ID = "awsRequestId";
    /** Log-context key of the X-Ray trace id. */
    public static final String TRACE_ID = "traceId";

    @Override
    public void populateMappingDiagnosticContextValues(Context context) {
        if (context.getAwsRequestId() != null) {
            MDC.put(AWS_REQUEST_ID, context.getAwsRequestId());
        }
    }

    @Override
    public void populateMappingDiagnosticContextWithXrayTraceId() {
        XRayUtils.parseXrayTraceId().ifPresent(traceId -> MDC.put(TRACE_ID, traceId));
    }
}
