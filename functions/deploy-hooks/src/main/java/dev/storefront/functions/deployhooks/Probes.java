package dev.storefront.functions.deployhooks;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which request checks which function before it takes traffic. Keys are the functions' names in the hook's
 * environment ({@code STOREFRONT_PRE_TRAFFIC_<key>}), i.e. the template's logical id without {@code Function},
 * in upper snake case. Every probe is read-only and touches no shopper's data: API functions get an anonymous
 * read (public data, a 401 for shopper routes, a 404 for an id that cannot exist), stream consumers an empty
 * batch, and scheduled jobs one ordinary run.
 */
public final class Probes {

    /** An id no product or payment has: ids are generated ULIDs, this one has a hyphen. */
    static final String UNKNOWN_ID = "pre-traffic-check";

    private static final Map<String, Probe> BY_FUNCTION = new LinkedHashMap<>();

    static {
        // Public and read-only: the verification keys must be there, or no token verifies.
        BY_FUNCTION.put("ACCOUNTS", HttpProbe.ok("/.well-known/jwks.json", Map.of(), Map.of(),
                "application/jwk-set+json", ResultCheck.nonEmptyArray("keys", "kty")));
        // Reads the cache and the products table (GetItem) and finds nothing: 404, nothing written.
        BY_FUNCTION.put("CATALOG", HttpProbe.notFound("/products/{productId}", Map.of("productId", UNKNOWN_ID)));
        BY_FUNCTION.put("CACHE_WARMER", EventProbe.scheduled(ResultCheck.bool("warmed")));
        // The in-memory index built at init answers; "smoke" need not match anything.
        BY_FUNCTION.put("SEARCH", HttpProbe.ok("/products", Map.of(), orderedQuery("q", "smoke", "limit", "1"),
                ResultCheck.array("items")));
        BY_FUNCTION.put("SEARCH_INDEXER", EventProbe.emptyBatch(ResultCheck.ANY_OBJECT));
        BY_FUNCTION.put("CART", HttpProbe.unauthenticated("/cart", Map.of()));
        BY_FUNCTION.put("CHECKOUT", HttpProbe.unauthenticated("/orders", Map.of()));
        BY_FUNCTION.put("ORDER_EXPIRY", EventProbe.scheduled(ResultCheck.count("expired", 0)));
        BY_FUNCTION.put("PAYMENT", HttpProbe.unauthenticated("/payments/{paymentId}", Map.of("paymentId", UNKNOWN_ID)));
        // Prices from the rate table: a domestic parcel below the free-shipping threshold has options.
        BY_FUNCTION.put("SHIPPING", HttpProbe.ok("/shipping/rates", Map.of(),
                orderedQuery("country", "US", "postalCode", "10001", "weightGrams", "500", "subtotal", "1000"),
                ResultCheck.nonEmptyArray("options", "method")));
        BY_FUNCTION.put("SHIPMENT_CREATOR", EventProbe.emptyBatch(ResultCheck.equalTo("created", 0)));
    }

    private Probes() {
    }

    /** The probe of a function, by its key. */
    public static Optional<Probe> forFunction(String function) {
        return Optional.ofNullable(BY_FUNCTION.get(function));
    }

    /** Every probe by function key, in a stable order. */
    public static Map<String, Probe> all() {
        return Collections.unmodifiableMap(BY_FUNCTION);
    }

    private static Map<String, String> orderedQuery(String... pairs) {
        Map<String, String> query = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            query.put(pairs[i], pairs[i + 1]);
        }
        return query;
    }
}
