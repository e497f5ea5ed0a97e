package dev.storefront.platform.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.util.Optional;

/**
 * Stripe, when it is the payment provider: the secret holding the API key ({@code STOREFRONT_STRIPE_SECRET_ARN});
 * locally and in tests the key itself ({@code STOREFRONT_STRIPE_API_KEY}) and the API's base URL
 * ({@code STOREFRONT_STRIPE_API_BASE}, e.g. a stripe-mock; default https://api.stripe.com).
 */
@ConfigurationProperties("storefront.stripe")
public record StripeConfiguration(@Nullable String secretArn, @Nullable String apiKey, @Nullable String apiBase) {

    public StripeConfiguration {
        secretArn = Setting.optional(secretArn);
        apiKey = Setting.optional(apiKey);
        apiBase = Setting.optional(apiBase);
    }

    public Optional<String> localApiKey() {
        return Optional.ofNullable(apiKey);
    }

    public Optional<String> localApiBase() {
        return Optional.ofNullable(apiBase);
    }

    public String requiredSecretArn() {
        return Setting.required(secretArn, EnvVars.STRIPE_SECRET_ARN);
    }

    @Override
    public String toString() {
        return "StripeConfiguration[apiBase=" + apiBase + "]";
    }
}
