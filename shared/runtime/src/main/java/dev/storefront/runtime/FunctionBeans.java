package dev.storefront.runtime;

import dev.storefront.auth.JwtAccessTokenVerifier;
import dev.storefront.auth.SigningKeys;
import dev.storefront.domain.auth.AccessTokenVerifier;
import dev.storefront.dynamodb.DynamoDbClientFactory;
import dev.storefront.dynamodb.DynamoDbIdempotencyStore;
import dev.storefront.platform.config.LambdaEnvironment;
import dev.storefront.platform.config.JwtConfiguration;
import dev.storefront.platform.config.RedisConfiguration;
import dev.storefront.platform.config.TableNames;
import dev.storefront.platform.http.Authenticator;
import dev.storefront.platform.idempotency.IdempotencyGuard;
import dev.storefront.redis.RedisClientFactory;
import dev.storefront.redis.RedisConnection;
import dev.storefront.redis.RedisSettings;
import dev.storefront.redis.ResilientRedis;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Beans every function shares, built once per execution environment (and snapshotted by SnapStart):
 * the one HTTP client of all AWS clients, DynamoDB, Secrets Manager, Redis, token verification,
 * authentication and idempotency. A function's own {@code @Factory} adds only its service and routes.
 */
@Factory
public class FunctionBeans {

    @Singleton
    SdkHttpClient httpClient() {
        return DynamoDbClientFactory.httpClient();
    }

    @Singleton
    DynamoDbClient dynamoDbClient(SdkHttpClient httpClient) {
        return DynamoDbClientFactory.dynamoDb(LambdaEnvironment.variables(), httpClient);
    }

    @Singleton
    DynamoDbEnhancedClient dynamoDb(DynamoDbClient client) {
        return DynamoDbClientFactory.enhanced(client);
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

    /** The Redis client with its SnapStart hook; a bean only where {@link #redis} is used. */
    @Singleton
    RedisSnapStartHook redisConnection(RedisConfiguration configuration, Secrets secrets) {
        RedisSettings redis = RedisSettings.of(configuration.url(), configuration.cluster());
        // In AWS the cache user's password lives in Secrets Manager ({"username", "password"}).
        redis = configuration.passwordSecretArn()
                .map(arn -> secrets.jsonField(arn, "password"))
                .map(redis::withPassword)
                .orElse(redis);
        return new RedisSnapStartHook(new RedisConnection(RedisClientFactory.lazy(redis)));
    }

    @Singleton
    ResilientRedis redis(RedisSnapStartHook connection) {
        return connection.redis();
    }

    @Singleton
    AccessTokenVerifier accessTokenVerifier(JwtConfiguration jwt, Clock clock) {
        return new JwtAccessTokenVerifier(SigningKeys.parsePublicJwkSet(jwt.publicJwks()), jwt.issuer(),
                jwt.audience(), clock);
    }

    @Singleton
    Authenticator authenticator(AccessTokenVerifier verifier) {
        return new Authenticator(verifier);
    }

    @Singleton
    IdempotencyGuard idempotencyGuard(TableNames tables, DynamoDbEnhancedClient dynamoDb, Clock clock) {
        return new IdempotencyGuard(new DynamoDbIdempotencyStore(dynamoDb, tables.idempotency()), clock);
    }
}
