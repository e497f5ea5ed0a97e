package dev.storefront.functions.cart;

import dev.storefront.domain.ReservedKeys;
import dev.storefront.domain.auth.Principal;
import dev.storefront.domain.auth.Role;
import dev.storefront.domain.cart.CartService;
import dev.storefront.platform.http.Access;
import dev.storefront.platform.http.ApiRequest;
import dev.storefront.platform.http.ApiResponse;
import dev.storefront.platform.http.Idempotency;
import dev.storefront.platform.http.PrimingRequest;
import dev.storefront.platform.http.Routes;
import java.util.List;
import java.util.Set;

/** The cart routes (role shopper): each parses its DTO, calls the {@link CartService} once and maps the cart. */
public final class CartApi {

    private final CartService carts;

    public CartApi(CartService carts) {
        this.carts = carts;
    }

    public Routes routes() {
        Access shopper = Access.role(Role.SHOPPER);
        return Routes.builder()
                .get("/cart", shopper, this::get)
                .post("/cart/items", shopper, Idempotency.HONOURED, this::add)
                .route("PUT /cart/items/{productId}", shopper, Idempotency.IGNORED, this::setQuantity)
                .route("DELETE /cart/items/{productId}", shopper, Idempotency.IGNORED, this::remove)
                .route("DELETE /cart", shopper, Idempotency.IGNORED, this::clear)
                .build();
    }

    /**
     * What primes these routes before a SnapStart snapshot (see {@code ApiHandler}): the cart of a shopper id no
     * account can have, read as that caller (this function cannot mint a token; {@code ApiHandler} primes the
     * token check with a forged one) - an empty cart, 200. Every other route writes.
     */
    static List<PrimingRequest> primingRequests() {
        return List.of(PrimingRequest.route("GET /cart")
                .as(new Principal(ReservedKeys.ABSENT_ID, Set.of(Role.SHOPPER))));
    }

    private ApiResponse get(ApiRequest request) {
        return ApiResponse.ok(CartResponse.of(carts.get(request.caller().userId())));
    }

    private ApiResponse add(ApiRequest request) {
        AddItemRequest body = request.bodyAs(AddItemRequest.class);
        return ApiResponse.ok(CartResponse.of(carts.add(request.caller().userId(), body.productId(), body.quantity())));
    }

    private ApiResponse setQuantity(ApiRequest request) {
        QuantityRequest body = request.bodyAs(QuantityRequest.class);
        return ApiResponse.ok(CartResponse.of(carts.setQuantity(request.caller().userId(),
                request.pathParameter("productId"), body.quantity())));
    }

    private ApiResponse remove(ApiRequest request) {
        return ApiResponse.ok(CartResponse.of(carts.remove(request.caller().userId(), request.pathParameter("productId"))));
    }

    private ApiResponse clear(ApiRequest request) {
        carts.clear(request.caller().userId());
        return ApiResponse.noContent();
    }
}
