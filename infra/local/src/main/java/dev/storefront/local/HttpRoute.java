package dev.storefront.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An HTTP API route: a method (or {@code ANY}) and a path with optional {@code {param}} segments and a final
 * greedy {@code {proxy+}} segment; or the {@code $default} route.
 *
 * @param function logical id of the function it invokes
 */
public record HttpRoute(String method, String path, String function) {

    /** The catch-all route key. */
    public static final String DEFAULT = "$default";

    public HttpRoute {
        method = method.toUpperCase(Locale.ROOT);
    }

    /** A {@code $default} route. */
    public static HttpRoute defaultRoute(String function) {
        return new HttpRoute("ANY", DEFAULT, function);
    }

    public boolean isDefault() {
        return path.equals(DEFAULT);
    }

    /** The API Gateway route key, e.g. {@code GET /items/{id}} or {@code $default}. */
    public String routeKey() {
        return isDefault() ? DEFAULT : method + " " + path;
    }

    List<String> segments() {
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(segment);
            }
        }
        return segments;
    }
}
