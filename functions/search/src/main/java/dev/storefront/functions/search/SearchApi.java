package dev.storefront.functions.search;

import dev.storefront.domain.ReservedKeys;
import dev.storefront.domain.catalog.SearchResultCache;
import dev.storefront.platform.http.Access;
import dev.storefront.platform.http.ApiRequest;
import dev.storefront.platform.http.ApiResponse;
import dev.storefront.platform.http.PrimingRequest;
import dev.storefront.platform.http.Routes;
import dev.storefront.search.SearchCatalog;
import dev.storefront.search.SearchRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The search routes. Each search first lets the {@link SearchCatalog} catch up with the catalog change feed,
 * then answers from the shared cache of rendered answers when an instance at the same feed position already
 * computed it, else from the index (and caches the answer). {@code X-Cache: hit|miss} tells which.
 */
public final class SearchApi {

    private final SearchCatalog catalog;
    private final SearchResultCache answers;

    public SearchApi(SearchCatalog catalog, SearchResultCache answers) {
        this.catalog = catalog;
        this.answers = answers;
    }

    public Routes routes() {
        return Routes.builder()
                .get("/products", Access.anonymous(), this::search)
                .get("/categories", Access.anonymous(), this::categories)
                .build();
    }

    /**
     * What primes these routes before a SnapStart snapshot (see {@code ApiHandler}): the categories, and a search
     * for a word no product has. Both read the change feed; the search also stores its (empty) answer in the
     * shared answer cache for at most {@code STOREFRONT_SEARCH_RESULT_CACHE_SECONDS} + 10 %, under the key of the
     * catalog state it was computed from - the answer any instance would give, never durable data.
     */
    static List<PrimingRequest> primingRequests() {
        return List.of(PrimingRequest.route("GET /categories"),
                PrimingRequest.route("GET /products").query("q", ReservedKeys.ABSENT_ID));
    }

    private ApiResponse search(ApiRequest request) {
        SearchRequest query = SearchRequest.parse(request.query());
        catalog.syncIfDue();
        Optional<String> key = catalog.state().map(state -> state + ":" + digest(query));
        if (key.isPresent()) {
            Optional<String> cached = answers.get(key.get());
            if (cached.isPresent()) {
                return rendered(cached.get(), "hit");
            }
        }
        ApiResponse computed = ApiResponse.ok(SearchResponse.of(catalog.search(query)));
        key.ifPresent(k -> answers.put(k, computed.body()));
        return computed.withHeader("X-Cache", "miss");
    }

    private ApiResponse categories(ApiRequest request) {
        catalog.syncIfDue();
        return ApiResponse.ok(CategoriesResponse.of(catalog.categories()));
    }

    private static ApiResponse rendered(String body, String cache) {
        return new ApiResponse(200, Map.of("Content-Type", ApiResponse.JSON, "X-Cache", cache), body);
    }

    /** A fixed-length name for the query (its every parameter, cursor included). */
    static String digest(SearchRequest query) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(query.toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
