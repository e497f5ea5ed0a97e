package dev.storefront.functions.checkout;

import dev.storefront.domain.ReservedKeys;
import dev.storefront.domain.auth.Principal;
import dev.storefront.domain.auth.Role;
import dev.storefront.domain.error.FieldError;
import dev.storefront.domain.error.ValidationException;
import dev.storefront.domain.order.CheckoutService;
import dev.storefront.domain.order.Order;
import dev.storefront.domain.order.OrderRepository;
import dev.storefront.platform.http.Access;
import dev.storefront.domain.error.ConflictException;
import dev.storefront.platform.http.ApiRequest;
import dev.storefront.platform.http.ApiResponse;
import dev.storefront.platform.http.Idempotency;
import dev.storefront.platform.http.PrimingRequest;
import dev.storefront.platform.http.Routes;
import dev.storefront.platform.http.SignedCursors;
import dev.storefront.platform.metrics.BusinessMetrics;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The checkout and order routes (role shopper). */
public final class CheckoutApi {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;
    private static final Set<String> LIST_PARAMETERS = Set.of("limit", "cursor");

    private final CheckoutService checkout;
    private final BusinessMetrics metrics;
    private final SignedCursors cursors;
    private final Clock clock;

    public CheckoutApi(CheckoutService checkout, SignedCursors cursors, Clock clock, BusinessMetrics metrics) {
        this.checkout = checkout;
        this.metrics = metrics;
        this.cursors = cursors;
        this.clock = clock;
    }

    public Routes routes() {
        Access shopper = Access.role(Role.SHOPPER);
        return Routes.builder()
                // A quote has no side effects: a retried request needs no stored answer.
                .post("/checkout/quote", shopper, Idempotency.IGNORED, this::quote)
                .post("/checkout", shopper, Idempotency.REQUIRED, this::checkout)
                .get("/orders", shopper, this::list)
                .get("/orders/{orderId}", shopper, this::get)
                .post("/orders/{orderId}/cancel", shopper, Idempotency.HONOURED, this::cancel)
                .build();
    }

    /**
     * What primes these routes before a SnapStart snapshot (see {@code ApiHandler}), as a shopper id no account
     * can have (this function cannot mint a token; {@code ApiHandler} primes the token check with a forged one):
     * an order that cannot exist (404), the shopper's order list (empty, 200), and a quote - which has no side
     * effects - for a valid address and the shopper's empty cart (400 empty-cart). Checkout and cancel write.
     */
    static List<PrimingRequest> primingRequests() {
        Principal absentShopper = new Principal(ReservedKeys.ABSENT_ID, Set.of(Role.SHOPPER));
        return List.of(
                PrimingRequest.route("GET /orders/{orderId}").pathParameter("orderId", ReservedKeys.ABSENT_ID)
                        .as(absentShopper).expect(404),
                PrimingRequest.route("GET /orders").as(absentShopper),
                PrimingRequest.route("POST /checkout/quote").jsonBody("""
                        {"shippingAddress":{"name":"Prime","line1":"1 Main St","city":"New York","region":"NY",
                        "postalCode":"10001","country":"US"},"shippingMethod":"standard"}""")
                        .as(absentShopper).expect(400));
    }

    private ApiResponse quote(ApiRequest request) {
        CheckoutRequest body = request.bodyAs(CheckoutRequest.class);
        return ApiResponse.ok(QuoteResponse.of(checkout.quote(request.caller().userId(), body.address(),
                body.shippingMethod())));
    }

    private ApiResponse checkout(ApiRequest request) {
        CheckoutRequest body = request.bodyAs(CheckoutRequest.class);
        Order order;
        try {
            order = checkout.checkout(request.caller().userId(), body.address(), body.shippingMethod());
        } catch (ConflictException e) {
            if ("out-of-stock".equals(e.type())) {
                metrics.count(BusinessMetrics.CHECKOUT_OUT_OF_STOCK, 1);
            }
            throw e;
        }
        metrics.count(BusinessMetrics.ORDERS_PLACED, 1);
        return ApiResponse.created(OrderResponse.of(order, clock.instant()))
                .withHeader("Location", "/orders/" + order.orderId());
    }

    private ApiResponse list(ApiRequest request) {
        String userId = request.caller().userId();
        List<FieldError> errors = new ArrayList<>();
        request.query().keySet().stream().filter(name -> !LIST_PARAMETERS.contains(name)).sorted()
                .forEach(name -> errors.add(new FieldError(name, "is not a known parameter")));
        int limit = DEFAULT_LIMIT;
        String limitValue = request.queryParameter("limit").orElse(null);
        if (limitValue != null) {
            if (limitValue.matches("[0-9]{1,3}") && Integer.parseInt(limitValue) >= 1
                    && Integer.parseInt(limitValue) <= MAX_LIMIT) {
                limit = Integer.parseInt(limitValue);
            } else {
                errors.add(new FieldError("limit", "must be a whole number from 1 to " + MAX_LIMIT));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException("validation", "The listing parameters are not valid.", errors);
        }
        String after = request.queryParameter("cursor").filter(c -> !c.isEmpty())
                .map(cursor -> cursors.decode(binding(userId), cursor)).orElse(null);
        OrderRepository.OrderPage page = checkout.list(userId, limit, after);
        var now = clock.instant();
        List<OrderResponse> items = page.orders().stream().map(order -> OrderResponse.of(order, now)).toList();
        String next = page.lastOrderId() == null ? null : cursors.encode(binding(userId), page.lastOrderId());
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("items", items);
        body.put("nextCursor", next);
        return ApiResponse.ok(body);
    }

    private ApiResponse get(ApiRequest request) {
        Order order = checkout.get(request.caller().userId(), request.pathParameter("orderId"));
        return ApiResponse.ok(OrderResponse.of(order, clock.instant()));
    }

    private ApiResponse cancel(ApiRequest request) {
        Order order = checkout.cancel(request.caller().userId(), request.pathParameter("orderId"));
        return ApiResponse.ok(OrderResponse.of(order, clock.instant()));
    }

    /** Cursors of one shopper's order listing are worthless for anyone else's. */
    private static String binding(String userId) {
        return "orders:" + userId;
    }
}
