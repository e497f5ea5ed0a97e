package dev.storefront.platform.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The routes a function serves, keyed by API Gateway route key. */
public final class Routes {

    private final Map<String, Route> byKey;

    private Routes(Map<String, Route> byKey) {
        this.byKey = Map.copyOf(byKey);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Optional<Route> find(String routeKey) {
        return Optional.ofNullable(byKey.get(routeKey));
    }

    public java.util.Set<String> keys() {
        return byKey.keySet();
    }

    /** Collects routes; a route key may be registered once. */
    public static final class Builder {
        private final Map<String, Route> routes = new LinkedHashMap<>();

        public Builder route(String routeKey, Access access, Idempotency idempotency, Route.RouteHandler handler) {
            if (routes.putIfAbsent(routeKey, new Route(routeKey, access, idempotency, handler)) != null) {
                throw new IllegalArgumentException("duplicate route " + routeKey);
            }
            return this;
        }

        public Builder get(String path, Access access, Route.RouteHandler handler) {
            return route("GET " + path, access, Idempotency.IGNORED, handler);
        }

        public Builder post(String path, Access access, Idempotency idempotency, Route.RouteHandler handler) {
            return route("POST " + path, access, idempotency, handler);
        }

        public Routes build() {
            return new Routes(routes);
        }
    }
}
