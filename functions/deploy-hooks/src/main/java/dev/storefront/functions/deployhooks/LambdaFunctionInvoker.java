package dev.storefront.functions.deployhooks;

import java.time.Duration;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;

/** {@link FunctionInvoker} over Lambda's {@code Invoke} (request-response). */
final class LambdaFunctionInvoker implements FunctionInvoker {

    private final LambdaClient lambda;
    private final int attempts;
    private final Duration pause;

    /**
     * @param attempts how often to try while Lambda says the version is not ready yet ({@code ResourceConflict}:
     *     a SnapStart version is {@code Pending} until its snapshot exists)
     * @param pause    the wait between those attempts
     */
    LambdaFunctionInvoker(LambdaClient lambda, int attempts, Duration pause) {
        this.lambda = lambda;
        this.attempts = attempts;
        this.pause = pause;
    }

    @Override
    public Invocation invoke(String version, String payload) {
        for (int attempt = 1; ; attempt++) {
            try {
                InvokeResponse response = lambda.invoke(request -> request
                        .functionName(version)
                        .invocationType(InvocationType.REQUEST_RESPONSE)
                        .payload(SdkBytes.fromUtf8String(payload)));
                return new Invocation(response.statusCode(), response.functionError(),
                        response.payload() == null ? "" : response.payload().asUtf8String());
            } catch (ResourceConflictException e) {
                if (attempt >= attempts) {
                    throw e;
                }
                pause();
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the version to become active", e);
        }
    }
}
