package dev.storefront.shippingfn;

import dev.storefront.domain.checkout.ShippingRates;
import dev.storefront.platform.config.EnvVars;
import dev.storefront.platform.config.Settings;
import dev.storefront.platform.http.Authenticator;
import dev.storefront.platform.http.ErrorMapper;
import dev.storefront.platform.http.RequestPipeline;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** Wiring of the shipping function on top of the shared {@code FunctionBeans}. */
@Factory
public class ShippingBeans {

    @Singleton
    ShippingRates shippingRates(Settings settings) {
        return new ShippingRates(settings.orDefault(EnvVars.STORE_COUNTRY, ShippingRates.DEFAULT_STORE_COUNTRY),
                settings.orDefault(EnvVars.CURRENCY, "USD"),
                Long.parseLong(settings.orDefault(EnvVars.FREE_SHIPPING_THRESHOLD,
                        Long.toString(ShippingRates.DEFAULT_FREE_SHIPPING_THRESHOLD))));
    }

    @Singleton
    RequestPipeline pipeline(ShippingRates rates, Authenticator authenticator, ErrorMapper errors) {
        return RequestPipeline.withoutIdempotency(new ShippingApi(rates).routes(), authenticator, errors);
    }
}
