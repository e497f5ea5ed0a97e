package dev.storefront.local;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Matches requests to routes like API Gateway HTTP APIs: the most specific path wins (per segment, a literal
 * beats a {@code {param}}, which beats a greedy {@code {proxy+}}); an exact method beats {@code ANY}; an
 * unmatched request goes to the {@code $default} route when there is one. A method that no route of the path
 * declares (TRACE, or any other method name) leaves the request unmatched like an unknown path: HTTP APIs have
 * no 405, so neither has this table (the gateway answers 404 {@code {"message":"Not Found"}} without a
 * {@code $default} route).
 */
public final class RouteTable {

    /** A matched route with the path parameters it captured. */
    public record Match(HttpRoute route, Map<String, String> pathParameters) {
    }

    private final List<HttpRoute> routes;

    public RouteTable(List<HttpRoute> routes) {
        this.routes = List.copyOf(routes);
    }

    public List<HttpRoute> routes() {
        return routes;
    }

    /** Finds the route for a method and a raw (still percent-encoded) path. */
    public Optional<Match> match(String method, String rawPath) {
        List<String> request = new ArrayList<>();
        for (String segment : rawPath.split("/", -1)) {
            request.add(segment);
        }
        // A leading "/" yields an empty first element; drop it but keep inner/trailing empties.
        if (!request.isEmpty() && request.get(0).isEmpty()) {
            request.remove(0);
        }
        if (request.size() == 1 && request.get(0).isEmpty()) {
            request.clear();
        }
        Match best = null;
        int[] bestScore = null;
        for (HttpRoute route : routes) {
            if (route.isDefault() || !(route.method().equals("ANY") || route.method().equalsIgnoreCase(method))) {
                continue;
            }
            Map<String, String> params = new LinkedHashMap<>();
            int[] score = score(route, request, params);
            if (score == null) {
                continue;
            }
            if (bestScore == null || compare(score, bestScore) > 0) {
                best = new Match(route, params);
                bestScore = score;
            }
        }
        if (best != null) {
            return Optional.of(best);
        }
        return routes.stream().filter(HttpRoute::isDefault).findFirst().map(r -> new Match(r, Map.of()));
    }

    /*
     * Score: one entry per route segment (3 literal, 2 param, 1 greedy), then 1 if the method is exact.
     * Lexicographic comparison gives "more specific leftmost segment wins", then longer wins.
     */
    private static int[] score(HttpRoute route, List<String> request, Map<String, String> params) {
        List<String> segments = route.segments();
        int[] score = new int[segments.size() + 1];
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            if (segment.startsWith("{") && segment.endsWith("+}")) {
                if (i != segments.size() - 1 || request.size() <= i) {
                    return null;
                }
                params.put(segment.substring(1, segment.length() - 2),
                        PercentDecoder.decode(String.join("/", request.subList(i, request.size()))));
                score[i] = 1;
                score[segments.size()] = exactMethod(route);
                return score;
            }
            if (i >= request.size()) {
                return null;
            }
            String actual = request.get(i);
            if (segment.startsWith("{") && segment.endsWith("}")) {
                if (actual.isEmpty()) {
                    return null;
                }
                params.put(segment.substring(1, segment.length() - 1), PercentDecoder.decode(actual));
                score[i] = 2;
            } else if (segment.equals(PercentDecoder.decode(actual))) {
                score[i] = 3;
            } else {
                return null;
            }
        }
        if (request.size() != segments.size()) {
            return null;
        }
        score[segments.size()] = exactMethod(route);
        return score;
    }

    private static int exactMethod(HttpRoute route) {
        return route.method().equals("ANY") ? 0 : 1;
    }

    private static int compare(int[] a, int[] b) {
        int n = Math.min(a.length - 1, b.length - 1);
        for (int i = 0; i < n; i++) {
            if (a[i] != b[i]) {
                return Integer.compare(a[i], b[i]);
            }
        }
        if (a.length != b.length) {
            return Integer.compare(a.length, b.length);
        }
        return Integer.compare(a[a.length - 1], b[b.length - 1]);
    }

    /** Routes sorted for display: by path, then method. */
    public static Comparator<HttpRoute> displayOrder() {
        return Comparator.comparing(HttpRoute::isDefault).thenComparing(HttpRoute::path).thenComparing(HttpRoute::method);
    }
}
