package dev.storefront.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One thing to cold-start: a handler on a class path with an environment, fed events of one kind.
 *
 * @param name           short name (tables, {@code --variants}, {@code {variant}} in JVM flags)
 * @param description    what it measures, e.g. {@code accounts POST /auth/login}
 * @param handler        handler class name
 * @param classPath      the child JVM's class path, in order
 * @param environment    the child's whole process environment
 * @param expectedStatus the statusCode every run must answer
 * @param events         the event of each run
 * @param primed         run the handler's SnapStart hooks (priming, then restore) after its construction and
 *                       before the measured request, as a restored SnapStart environment has them run
 */
record Variant(String name, String description, String handler, List<Path> classPath, Map<String, String> environment,
        int expectedStatus, EventSource events, boolean primed) {

    Variant(String name, String description, String handler, List<Path> classPath, Map<String, String> environment,
            int expectedStatus, EventSource events) {
        this(name, description, handler, classPath, environment, expectedStatus, events, false);
    }

    /** The event file of a run. */
    @FunctionalInterface
    interface EventSource {
        Path next(String runId) throws IOException;
    }
}
