package dev.storefront.platform.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.util.Optional;

/**
 * The cache: {@code STOREFRONT_REDIS_URL} ({@code redis://} or {@code rediss://}), {@code STOREFRONT_REDIS_CLUSTER}
 * (true for ElastiCache Serverless' cluster protocol, default false) and, in AWS, the secret holding the cache
 * user's password ({@code STOREFRONT_REDIS_AUTH_SECRET_ARN}).
 */
@ConfigurationProperties("storefront.redis")
public record RedisConfiguration(@Nullable String url, @Nullable Boolean cluster,
        @Nullable String authSecretArn) {

    public RedisConfiguration {
        url = Setting.required(url, EnvVars.REDIS_URL);
        cluster = cluster != null && cluster;
        authSecretArn = Setting.optional(authSecretArn);
    }

    public Optional<String> passwordSecretArn() {
        return Optional.ofNullable(authSecretArn);
    }
}
