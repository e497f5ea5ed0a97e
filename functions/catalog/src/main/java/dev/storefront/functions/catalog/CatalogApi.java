package dev.storefront.functions.catalog;

import dev.storefront.domain.ReservedKeys;
import dev.storefront.domain.auth.Role;
import dev.storefront.domain.catalog.CatalogService;
import dev.storefront.domain.catalog.Product;
import dev.storefront.platform.http.Access;
import dev.storefront.platform.http.ApiRequest;
import dev.storefront.platform.http.ApiResponse;
import dev.storefront.platform.http.HttpException;
import dev.storefront.platform.http.Idempotency;
import dev.storefront.platform.http.PrimingRequest;
import dev.storefront.platform.http.Routes;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The catalog routes: each parses its DTO, calls the {@link CatalogService} once and maps the result.
 * Product responses carry the version as a strong {@code ETag}, the value {@code If-Match} expects.
 */
public final class CatalogApi {

    /** {@code 3} or {@code "3"}: a product version, as an ETag or bare. */
    private static final Pattern VERSION = Pattern.compile("\"?([0-9]{1,18})\"?");

    private final CatalogService catalog;

    public CatalogApi(CatalogService catalog) {
        this.catalog = catalog;
    }

    public Routes routes() {
        Access admin = Access.role(Role.ADMIN);
        return Routes.builder()
                .post("/admin/products", admin, Idempotency.HONOURED, this::create)
                .route("PUT /admin/products/{productId}", admin, Idempotency.IGNORED, this::replace)
                .route("PUT /admin/products/{productId}/stock", admin, Idempotency.IGNORED, this::setStock)
                .route("DELETE /admin/products/{productId}", admin, Idempotency.IGNORED, this::archive)
                .get("/products/{productId}", Access.anonymous(), this::get)
                .build();
    }

    /**
     * What primes these routes before a SnapStart snapshot (see {@code ApiHandler}): the product detail of an id
     * no product can have - cache miss (Redis), the miss's stampede lock (a key that expires in
     * {@code RedisProductCache.LOCK_MILLIS}), the table read, 404; nothing is cached or counted for an unknown
     * product. The admin routes write, so they are primed up to their token check only (by {@code ApiHandler}).
     */
    static List<PrimingRequest> primingRequests() {
        return List.of(PrimingRequest.route("GET /products/{productId}")
                .pathParameter("productId", ReservedKeys.ABSENT_ID).expect(404));
    }

    private ApiResponse create(ApiRequest request) {
        ProductRequest body = request.bodyAs(ProductRequest.class);
        Product product = catalog.create(body.toDraft());
        return product(201, product).withHeader("Location", "/products/" + product.productId());
    }

    private ApiResponse replace(ApiRequest request) {
        long expectedVersion = expectedVersion(request);
        ProductRequest body = request.bodyAs(ProductRequest.class);
        return product(200, catalog.replace(request.pathParameter("productId"), body.toDraft(), expectedVersion));
    }

    private ApiResponse setStock(ApiRequest request) {
        StockRequest body = request.bodyAs(StockRequest.class);
        return product(200, catalog.setStock(request.pathParameter("productId"), body.available()));
    }

    private ApiResponse archive(ApiRequest request) {
        catalog.archive(request.pathParameter("productId"));
        return ApiResponse.noContent();
    }

    private ApiResponse get(ApiRequest request) {
        return product(200, catalog.get(request.pathParameter("productId")));
    }

    private static ApiResponse product(int status, Product product) {
        return ApiResponse.json(status, ProductResponse.of(product)).withHeader("ETag", "\"" + product.version() + "\"");
    }

    /** The version named by {@code If-Match}; required, because a replace without it could undo others' work. */
    private static long expectedVersion(ApiRequest request) {
        String header = request.header("if-match").orElseThrow(() -> HttpException.badRequest("if-match-required",
                "This operation requires an If-Match header with the product's current version.", List.of()));
        Matcher matcher = VERSION.matcher(header.trim());
        if (!matcher.matches()) {
            throw HttpException.badRequest("invalid-if-match",
                    "The If-Match header must be the product's version, a whole number such as 3.", List.of());
        }
        return Long.parseLong(matcher.group(1));
    }
}
