package dev.storefront.local;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The start-up summary {@code ./storefront local} prints. */
final class Banner {
    private Banner() {
    }

    static String render(LocalStorefront stack) {
        StringBuilder text = new StringBuilder();
        text.append('\n').append("Storefront local is ready at ").append(stack.baseUrl())
                .append(String.format(" (%.1f s)%n", stack.startupTime().toMillis() / 1000.0));
        stack.apiDocs().ifPresent(docs -> text.append("  API reference: ").append(stack.baseUrl()).append(LocalApiDocs.DOCS_PATH)
                .append("   OpenAPI document: ").append(stack.baseUrl()).append(LocalApiDocs.OPENAPI_PATH).append('\n'));
        for (String line : stack.bannerLines()) {
            text.append("  ").append(line).append('\n');
        }
        text.append('\n').append("Functions:\n");
        for (FunctionDefinition function : stack.functions()) {
            text.append(String.format("  %s (%s) %d MB, timeout %d s%n", function.logicalId(), function.handler(),
                    function.memoryMb(), function.timeoutSeconds()));
            function.routes().stream().sorted(RouteTable.displayOrder())
                    .forEach(r -> text.append("    ").append(r.routeKey()).append('\n'));
            function.streams().forEach(s -> text.append("    DynamoDB stream of ").append(s.table())
                    .append(" (batch ").append(s.batchSize()).append(")\n"));
            function.schedules().forEach(s -> text.append("    ").append(s.expression())
                    .append(s.enabled() ? "" : " (disabled)").append('\n'));
        }
        Map<String, String> tables = stack.tableNames();
        text.append('\n').append("Tables: ").append(tables.values().stream().collect(Collectors.joining(", "))).append('\n');
        if (stack.options().dynamoDbEndpoint() != null) {
            text.append("DynamoDB: ").append(stack.options().dynamoDbEndpoint())
                    .append(" (STOREFRONT_DYNAMODB_ENDPOINT)").append('\n');
        }
        text.append("Data: ").append(stack.options().dataDirectory() == null
                ? "in memory (lost on exit; set STOREFRONT_DATA_DIR to keep it)"
                : "kept in " + stack.options().dataDirectory()).append('\n');
        text.append(stack.options().dynamoDbEndpoint() == null ? "DynamoDB (moto): " : "DynamoDB: ")
                .append(stack.dynamoDbEndpoint())
                .append("   Redis: ").append(stack.redis().url()).append('\n');
        text.append("Press Ctrl-C to stop.\n");
        return text.toString();
    }

    static List<String> usage() {
        return List.of(
                "Usage: ./storefront local [--port N] [--data-dir DIR] [--template FILE] [--json-logs]",
                "  --json-logs  the functions log Lambda's JSON lines and EMF metrics (default: one readable line per"
                        + " request or event)",
                "Environment: STOREFRONT_PORT (3000), STOREFRONT_DATA_DIR (in memory), STOREFRONT_LOCAL_MAX_INSTANCES (4),"
                        + " STOREFRONT_LOG_FORMAT (text; json as --json-logs)");
    }
}
