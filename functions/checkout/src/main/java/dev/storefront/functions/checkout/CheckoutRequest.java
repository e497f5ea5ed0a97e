package dev.storefront.functions.checkout;

import dev.storefront.domain.checkout.ShippingAddress;
import dev.storefront.domain.error.FieldError;
import dev.storefront.platform.http.Validatable;
import java.util.List;

/** Body of {@code POST /checkout/quote} and {@code POST /checkout}. */
record CheckoutRequest(Address shippingAddress, String shippingMethod) implements Validatable {

    /** The contract's {@code shippingAddress}. */
    record Address(String name, String line1, String line2, String city, String region, String postalCode,
            String country) {

        ShippingAddress toDomain() {
            return new ShippingAddress(name, line1, line2, city, region, postalCode, country);
        }
    }

    @Override
    public List<FieldError> validate() {
        return Validatable.requireAll("shippingAddress", shippingAddress, "shippingMethod", shippingMethod);
    }

    ShippingAddress address() {
        return shippingAddress.toDomain();
    }
}
