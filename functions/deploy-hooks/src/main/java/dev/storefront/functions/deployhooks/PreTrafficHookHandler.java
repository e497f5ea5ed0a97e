package dev.storefront.functions.deployhooks;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The Lambda function CodeDeploy calls before it shifts any traffic to a new version of a storefront function
 * ({@code BeforeAllowTraffic}): its event names the deployment and the hook execution, {@link PreTrafficCheck}
 * does the rest. A thin adapter like the storefront handlers, but without Micronaut: two clients need no
 * container, and the hook must not share the code it is there to distrust.
 */
public final class PreTrafficHookHandler implements RequestStreamHandler {

    private final PreTrafficCheck check;

    public PreTrafficHookHandler() {
        this(DeployHookClients.check(System.getenv()));
    }

    PreTrafficHookHandler(PreTrafficCheck check) {
        this.check = check;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = Results.JSON.readTree(input);
        String deploymentId = required(event, "DeploymentId");
        String executionId = required(event, "LifecycleEventHookExecutionId");
        Verdict verdict = check.run(deploymentId, executionId);
        String status = verdict.succeeded() ? "Succeeded" : "Failed";
        if (context != null) {
            context.getLogger().log("pre-traffic check of deployment " + deploymentId + ": " + status + " - "
                    + verdict.reason(), verdict.succeeded() ? LogLevel.INFO : LogLevel.ERROR);
        }
        var result = Results.JSON.createObjectNode();
        result.put("deploymentId", deploymentId);
        result.put("status", status);
        result.put("reason", verdict.reason());
        output.write(result.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String required(JsonNode event, String field) {
        String value = event.path(field).asText("");
        if (value.isBlank()) {
            // Without both ids there is no deployment to report to: fail the invocation, visibly.
            throw new IllegalArgumentException("the event has no " + field + ": not a CodeDeploy hook event");
        }
        return value;
    }
}
