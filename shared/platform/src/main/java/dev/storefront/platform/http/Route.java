package dev.storefront.platform.http;

import java.util.Objects;

/**
 * One route of a function.
 *
 * @param routeKey API Gateway's route key, e.g. {@code GET /orders/{orderId}}
 */
public record Route(String routeKey, Access access, Idempotency idempotency, RouteHandler handler) {

    public Route {
        Objects.requireNonNull(routeKey, "routeKey");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(idempotency, "idempotency");
        Objects.requireNonNull(handler, "handler");
    }

    /** The code behind a route: parse, call one service, map the result. */
    @FunctionalInterface
    public interface RouteHandler {
        ApiResponse handle(ApiRequest request);
    }
}
