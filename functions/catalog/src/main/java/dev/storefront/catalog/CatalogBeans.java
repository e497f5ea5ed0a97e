package dev.storefront.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.storefront.auth.JwtAccessTokenVerifier;
import dev.storefront.auth.SigningKeys;
import dev.storefront.domain.IdGenerator;
import dev.storefront.domain.auth.AccessTokenVerifier;
import dev.storefront.domain.catalog.CatalogService;
import dev.storefront.domain.catalog.ProductCache;
import dev.storefront.dynamodb.DynamoDbClientFactory;
import dev.storefront.dynamodb.DynamoDbIdempotencyStore;
import dev.storefront.dynamodb.DynamoDbProductRepository;
import dev.storefront.platform.config.EnvVars;
import dev.storefront.platform.config.LambdaEnvironment;
import dev.storefront.platform.config.Settings;
import dev.storefront.platform.http.Authenticator;
import dev.storefront.platform.http.ErrorMapper;
import dev.storefront.platform.http.Json;
import dev.storefront.platform.http.RequestPipeline;
import dev.storefront.platform.idempotency.IdempotencyGuard;
import dev.storefront.redis.RedisClientFactory;
import dev.storefront.redis.RedisProductCache;
import dev.storefront.redis.RedisSettings;
import dev.storefront.redis.ResilientRedis;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Wiring of the catalog function, built once per execution environment. Every client is created here,
 * in init, where SnapStart snapshots it.
 */
@Factory
public class CatalogBeans {

    @Singleton
    SdkHttpClient httpClient() {
        return DynamoDbClientFactory.httpClient();
    }

    @Singleton
    DynamoDbEnhancedClient dynamoDb(SdkHttpClient httpClient) {
        return DynamoDbClientFactory.enhanced(DynamoDbClientFactory.dynamoDb(LambdaEnvironment.variables(), httpClient));
    }

    @Singleton
    SecretsManagerClient secretsManager(SdkHttpClient httpClient) {
        Map<String, String> variables = LambdaEnvironment.variables();
        return SecretsManagerClient.builder()
                .httpClient(httpClient)
                .region(DynamoDbClientFactory.region(variables))
                .credentialsProvider(DynamoDbClientFactory.credentials(variables))
                .build();
    }

    @Singleton
    ResilientRedis redis(Settings settings, BeanProvider<SecretsManagerClient> secrets) {
        RedisSettings redis = RedisSettings.of(settings.required(EnvVars.REDIS_URL),
                settings.flag(EnvVars.REDIS_CLUSTER, false));
        // In AWS the cache user's password lives in Secrets Manager ({"username", "password"}).
        redis = settings.optional(EnvVars.REDIS_AUTH_SECRET_ARN)
                .map(arn -> jsonField(secrets.get().getSecretValue(request -> request.secretId(arn)).secretString(),
                        "password"))
                .map(redis::withPassword)
                .orElse(redis);
        return new ResilientRedis(RedisClientFactory.lazy(redis));
    }

    @Singleton
    ProductCache productCache(ResilientRedis redis) {
        return new RedisProductCache(redis);
    }

    @Singleton
    AccessTokenVerifier accessTokenVerifier(Settings settings, Clock clock) {
        return new JwtAccessTokenVerifier(SigningKeys.parsePublicJwkSet(settings.required(EnvVars.JWT_PUBLIC_JWKS)),
                settings.required(EnvVars.JWT_ISSUER), settings.required(EnvVars.JWT_AUDIENCE), clock);
    }

    @Singleton
    CatalogService catalogService(Settings settings, DynamoDbEnhancedClient dynamoDb, ProductCache cache,
            IdGenerator ids, Clock clock) {
        return new CatalogService(new DynamoDbProductRepository(dynamoDb, settings.required(EnvVars.PRODUCTS_TABLE)),
                cache, ids, clock, settings.orDefault(EnvVars.CURRENCY, "USD"));
    }

    @Singleton
    RequestPipeline pipeline(Settings settings, CatalogService catalog, AccessTokenVerifier verifier,
            DynamoDbEnhancedClient dynamoDb, Clock clock, ErrorMapper errors) {
        return new RequestPipeline(new CatalogApi(catalog).routes(), new Authenticator(verifier),
                new IdempotencyGuard(new DynamoDbIdempotencyStore(dynamoDb,
                        settings.required(EnvVars.IDEMPOTENCY_TABLE)), clock), errors);
    }

    private static String jsonField(String json, String field) {
        try {
            JsonNode value = Json.mapper().readTree(json).get(field);
            if (value == null || !value.isTextual()) {
                throw new IllegalStateException("secret has no string field " + field);
            }
            return value.asText();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("secret is not a JSON object", e);
        }
    }
}
