package dev.storefront.platform.http;

import dev.storefront.domain.auth.Principal;
import dev.storefront.platform.idempotency.IdempotencyGuard;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What happens to every request, in order: route lookup, access check, idempotency, the route
 * itself, and error mapping. It knows nothing of Lambda, so it is tested directly.
 */
public final class RequestPipeline {

    private final Routes routes;
    private final Authenticator authenticator;
    private final IdempotencyGuard idempotency;
    private final ErrorMapper errors;

    public RequestPipeline(Routes routes, Authenticator authenticator, IdempotencyGuard idempotency,
            ErrorMapper errors) {
        this.routes = routes;
        this.authenticator = authenticator;
        this.idempotency = idempotency;
        this.errors = errors;
    }

    /**
     * A pipeline for functions without idempotent operations (read-only routes), which then need no
     * idempotency table.
     *
     * @throws IllegalArgumentException when a route honours or requires {@code Idempotency-Key}
     */
    public static RequestPipeline withoutIdempotency(Routes routes, Authenticator authenticator, ErrorMapper errors) {
        for (String key : routes.keys()) {
            if (routes.find(key).orElseThrow().idempotency() != Idempotency.IGNORED) {
                throw new IllegalArgumentException(key + " uses Idempotency-Key: give the pipeline an IdempotencyGuard");
            }
        }
        return new RequestPipeline(routes, authenticator, null, errors);
    }

    public ApiResponse handle(ApiRequest request, Duration remaining) {
        Optional<Route> route = routes.find(request.routeKey());
        if (route.isEmpty()) {
            return errors.problem(404, "no-route", "No operation matches " + request.method() + " "
                    + request.path() + ".", List.of(), Map.of(), request);
        }
        try {
            ApiRequest authorized = authenticator.authorize(request, route.get().access());
            if (idempotency == null) {
                return invoke(route.get(), authorized);
            }
            return idempotency.execute(authorized, route.get().idempotency(), remaining,
                    () -> invoke(route.get(), authorized));
        } catch (RuntimeException e) {
            return errors.toResponse(e, request);
        }
    }

    /**
     * SnapStart priming only (hence package-private): the route as an already known caller, without access check
     * and idempotency, for routes whose requests need a token the function cannot mint.
     */
    ApiResponse handleAs(ApiRequest request, Principal caller) {
        Optional<Route> route = routes.find(request.routeKey());
        if (route.isEmpty()) {
            return errors.problem(404, "no-route", "No operation matches " + request.method() + " "
                    + request.path() + ".", List.of(), Map.of(), request);
        }
        return invoke(route.get(), request.withPrincipal(caller));
    }

    /** The first route (by route key) that requires authentication, if any. */
    Optional<Route> firstProtectedRoute() {
        return routes.keys().stream().sorted().map(key -> routes.find(key).orElseThrow())
                .filter(route -> route.access().requiresAuthentication()).findFirst();
    }

    private ApiResponse invoke(Route route, ApiRequest request) {
        try {
            return route.handler().handle(request);
        } catch (RuntimeException e) {
            return errors.toResponse(e, request);
        }
    }
}
