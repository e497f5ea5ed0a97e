package dev.storefront.local;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One {@code AWS::Serverless::Function} as the local gateway runs it, with {@code Globals.Function} merged in
 * and intrinsics resolved.
 *
 * @param logicalId     the template's logical id
 * @param functionName  FunctionName when set, else the logical id
 * @param handler       {@code package.Class::method}
 * @param codeUri       the deployment zip (or directory)
 * @param runtime       e.g. {@code java21}
 * @param timeoutSeconds Timeout (default 3, as Lambda)
 * @param memoryMb      MemorySize (default 128, as Lambda)
 * @param environment   Globals + function environment variables, resolved (before local overrides)
 * @param routes        its HttpApi events
 * @param streams       its DynamoDB events
 * @param schedules     its Schedule/ScheduleV2 events
 */
public record FunctionDefinition(String logicalId, String functionName, String handler, Path codeUri, String runtime,
                                 int timeoutSeconds, int memoryMb, Map<String, String> environment,
                                 List<HttpRoute> routes, List<StreamSource> streams, List<ScheduleSource> schedules) {

    /** The class part of the handler string. */
    public String handlerClass() {
        int separator = handler.indexOf("::");
        return separator < 0 ? handler : handler.substring(0, separator);
    }

    /** The method part of the handler string ({@code handleRequest} by default). */
    public String handlerMethod() {
        int separator = handler.indexOf("::");
        return separator < 0 ? "handleRequest" : handler.substring(separator + 2);
    }
}
