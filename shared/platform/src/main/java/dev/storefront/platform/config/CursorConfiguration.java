package dev.storefront.platform.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.util.Optional;

/**
 * The key of the signed page cursors (search, order lists): the secret {@code STOREFRONT_CURSOR_SECRET_ARN} names,
 * or locally the key itself ({@code STOREFRONT_CURSOR_KEY}).
 */
@ConfigurationProperties("storefront.cursor")
public record CursorConfiguration(@Nullable String secretArn, @Nullable String key) {

    public CursorConfiguration {
        secretArn = Setting.optional(secretArn);
        key = Setting.optional(key);
    }

    public Optional<String> localKey() {
        return Optional.ofNullable(key);
    }

    public String requiredSecretArn() {
        return Setting.required(secretArn, EnvVars.CURSOR_SECRET_ARN);
    }

    @Override
    public String toString() {
        return "CursorConfiguration[secretArn=" + secretArn + "]";
    }
}
