package dev.storefront.local;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares the routes of the template with the operations of the API document, by route key
 * ({@code GET /products/{productId}}; both use the same {@code {name}} path parameters).
 *
 * @param undocumented routes of the template that the document lacks
 * @param unrouted     operations of the document that no route of the template serves
 */
record RouteParity(Set<String> undocumented, Set<String> unrouted) {

    /**
     * @param templateRoutes routes of the template
     * @param operations     operations of the document
     * @param localOnly      route keys the local gateway serves itself: in neither list on purpose
     */
    static RouteParity compare(Collection<HttpRoute> templateRoutes, Collection<ApiDocument.Operation> operations,
                               Set<String> localOnly) {
        Set<String> routed = new TreeSet<>();
        for (HttpRoute route : templateRoutes) {
            // $default is API Gateway's catch-all (unknown routes get the function's 404), not an operation.
            if (!route.isDefault()) {
                routed.add(route.routeKey());
            }
        }
        Set<String> documented = new TreeSet<>();
        operations.forEach(operation -> documented.add(operation.routeKey()));
        documented.removeAll(localOnly);

        Set<String> undocumented = new TreeSet<>(routed);
        undocumented.removeAll(documented);
        Set<String> unrouted = new TreeSet<>(documented);
        unrouted.removeAll(routed);
        return new RouteParity(undocumented, unrouted);
    }

    boolean matches() {
        return undocumented.isEmpty() && unrouted.isEmpty();
    }

    /** One line per difference, naming where it is missing. */
    List<String> differences() {
        List<String> lines = new ArrayList<>();
        undocumented.forEach(key -> lines.add(key + ": a route of template.yaml that docs/openapi.yaml does not document"));
        unrouted.forEach(key -> lines.add(key + ": documented in docs/openapi.yaml but no function of template.yaml serves it"));
        return lines;
    }
}
