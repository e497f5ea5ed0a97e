package dev.storefront.platform.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.util.Optional;

/**
 * Card payments: the processor ({@code STOREFRONT_PAYMENT_PROVIDER}: {@code simulated}, the default, or
 * {@code stripe}) and the webhook signing secret (the secret {@code STOREFRONT_PAYMENT_WEBHOOK_SECRET_ARN} names, or
 * locally the value itself, {@code STOREFRONT_PAYMENT_WEBHOOK_SECRET}). Stripe's own settings:
 * {@link StripeConfiguration}.
 */
@ConfigurationProperties("storefront.payment")
public record PaymentConfiguration(@Nullable String provider, @Nullable String webhookSecretArn,
        @Nullable String webhookSecret) {

    public PaymentConfiguration {
        provider = Setting.orDefault(provider, "simulated");
        if (!provider.equals("simulated") && !provider.equals("stripe")) {
            throw new Setting.InvalidSettingException(EnvVars.PAYMENT_PROVIDER, "must be simulated or stripe");
        }
        webhookSecretArn = Setting.optional(webhookSecretArn);
        webhookSecret = Setting.optional(webhookSecret);
    }

    /** The local webhook secret, when there is one (it wins over the secret's ARN). */
    public Optional<String> localWebhookSecret() {
        return Optional.ofNullable(webhookSecret);
    }

    public String requiredWebhookSecretArn() {
        return Setting.required(webhookSecretArn, EnvVars.PAYMENT_WEBHOOK_SECRET_ARN);
    }

    @Override
    public String toString() {
        return "PaymentConfiguration[provider=" + provider + "]";
    }
}
