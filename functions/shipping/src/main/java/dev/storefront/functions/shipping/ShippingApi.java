package dev.storefront.functions.shipping;

import dev.storefront.domain.Money;
import dev.storefront.domain.ReservedKeys;
import dev.storefront.domain.auth.Principal;
import dev.storefront.domain.auth.Role;
import dev.storefront.domain.checkout.ShippingAddressRules;
import dev.storefront.domain.checkout.ShippingOption;
import dev.storefront.domain.checkout.ShippingRates;
import dev.storefront.domain.error.FieldError;
import dev.storefront.domain.error.ValidationException;
import dev.storefront.domain.shipment.ShipmentService;
import dev.storefront.platform.http.Access;
import dev.storefront.platform.http.ApiRequest;
import dev.storefront.platform.http.ApiResponse;
import dev.storefront.platform.http.Idempotency;
import dev.storefront.platform.http.PrimingRequest;
import dev.storefront.platform.http.Routes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The shipping routes. {@code GET /shipping/rates} prices from the same {@link ShippingRates} table checkout
 * uses, so an estimate and the charge at checkout always agree; a shopper follows the shipment of an order
 * ({@code GET /orders/{orderId}/shipment}, 404 for anyone else's order); admins record carrier scans
 * ({@code POST /admin/shipments/{shipmentId}/events}).
 */
public final class ShippingApi {

    static final long MAX_WEIGHT_GRAMS = 10_000_000;
    private static final Set<String> RATE_PARAMETERS = Set.of("country", "postalCode", "weightGrams", "subtotal");

    private final ShippingRates rates;
    private final ShipmentService shipments;

    public ShippingApi(ShippingRates rates, ShipmentService shipments) {
        this.rates = rates;
        this.shipments = shipments;
    }

    public Routes routes() {
        return Routes.builder()
                .get("/shipping/rates", Access.anonymous(), this::rates)
                .get("/orders/{orderId}/shipment", Access.role(Role.SHOPPER), this::shipment)
                .post("/admin/shipments/{shipmentId}/events", Access.role(Role.ADMIN), Idempotency.HONOURED,
                        this::recordEvent)
                .build();
    }

    /**
     * What primes these routes before a SnapStart snapshot (see {@code ApiHandler}): a rate enquiry (no I/O),
     * and the shipment of an order that cannot exist, read as a shopper id no account can have (404). Scans write.
     */
    static List<PrimingRequest> primingRequests() {
        return List.of(
                PrimingRequest.route("GET /shipping/rates").query("country", "US").query("postalCode", "10001")
                        .query("weightGrams", "1200").query("subtotal", "3450"),
                PrimingRequest.route("GET /orders/{orderId}/shipment").pathParameter("orderId", ReservedKeys.ABSENT_ID)
                        .as(new Principal(ReservedKeys.ABSENT_ID, Set.of(Role.SHOPPER))).expect(404));
    }

    private ApiResponse shipment(ApiRequest request) {
        Principal caller = request.caller();
        return ApiResponse.ok(ShipmentResponse.of(shipments.forOrder(caller.userId(), caller.has(Role.ADMIN),
                request.pathParameter("orderId"))));
    }

    private ApiResponse recordEvent(ApiRequest request) {
        ShipmentEventRequest body = request.bodyAs(ShipmentEventRequest.class);
        return ApiResponse.ok(ShipmentResponse.of(shipments.record(request.pathParameter("shipmentId"),
                body.shipmentStatus(), body.strippedLocation())));
    }

    private ApiResponse rates(ApiRequest request) {
        List<FieldError> errors = new ArrayList<>();
        request.query().keySet().stream().filter(name -> !RATE_PARAMETERS.contains(name)).sorted()
                .forEach(name -> errors.add(new FieldError(name, "is not a known parameter")));
        String country = request.queryParameter("country").orElse(null);
        String postalCode = request.queryParameter("postalCode").orElse(null);
        errors.addAll(ShippingAddressRules.checkDestination(country, postalCode));
        long weight = whole(request, "weightGrams", MAX_WEIGHT_GRAMS, errors);
        long subtotal = whole(request, "subtotal", 999_999_999_999L, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException("validation", "The rate enquiry is not valid.", errors);
        }
        List<Option> options = new ArrayList<>();
        for (ShippingOption option : rates.options(country.strip(), weight, Money.of(subtotal, rates.currency()))) {
            options.add(new Option(option.method().wireName(), option.carrier(), Price.of(option.amount()),
                    option.estimatedDays()));
        }
        return ApiResponse.ok(new RatesResponse(options));
    }

    /** A required whole number from 0 to {@code max}. */
    private static long whole(ApiRequest request, String name, long max, List<FieldError> errors) {
        String value = request.queryParameter(name).orElse(null);
        if (value == null || !value.matches("[0-9]{1,13}") || Long.parseLong(value) > max) {
            errors.add(new FieldError(name, value == null ? "is required"
                    : "must be a whole number from 0 to " + max));
            return 0;
        }
        return Long.parseLong(value);
    }

    record RatesResponse(List<Option> options) {
    }

    record Option(String method, String carrier, Price amount, int estimatedDays) {
    }

    /** Money: integer minor units and the currency. */
    record Price(long amount, String currency) {
        static Price of(Money money) {
            return new Price(money.amount(), money.currency());
        }
    }
}
