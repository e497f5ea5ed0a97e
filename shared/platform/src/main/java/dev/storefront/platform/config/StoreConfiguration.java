package dev.storefront.platform.config;

import dev.storefront.domain.checkout.ShippingRates;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;

/**
 * What the shop sells in and from: {@code STOREFRONT_CURRENCY} (default USD), {@code STOREFRONT_STORE_COUNTRY}
 * (default US), {@code STOREFRONT_FREE_SHIPPING_THRESHOLD} (minor units, default 5000) and
 * {@code STOREFRONT_RESERVATION_TTL_SECONDS} (how long an unpaid order holds its stock, default 900).
 */
@ConfigurationProperties("storefront")
public record StoreConfiguration(@Nullable String currency, @Nullable String storeCountry,
        @Nullable Long freeShippingThreshold, @Nullable Long reservationTtlSeconds) {

    public StoreConfiguration {
        currency = Setting.orDefault(currency, "USD");
        storeCountry = Setting.orDefault(storeCountry, ShippingRates.DEFAULT_STORE_COUNTRY);
        freeShippingThreshold = Setting.atLeast(freeShippingThreshold, ShippingRates.DEFAULT_FREE_SHIPPING_THRESHOLD,
                0, EnvVars.FREE_SHIPPING_THRESHOLD);
        reservationTtlSeconds = Setting.atLeast(reservationTtlSeconds, 900, 1, EnvVars.RESERVATION_TTL_SECONDS);
    }

    /** The shipping rates of a store in {@link #storeCountry()} selling in {@link #currency()}. */
    public ShippingRates shippingRates() {
        return new ShippingRates(storeCountry, currency, freeShippingThreshold);
    }

    /** How long an unpaid order holds its stock. */
    public Duration reservation() {
        return Duration.ofSeconds(reservationTtlSeconds);
    }
}
