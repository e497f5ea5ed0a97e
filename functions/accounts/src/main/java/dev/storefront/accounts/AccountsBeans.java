package dev.storefront.accounts;

import dev.storefront.auth.Argon2idPasswordHasher;
import dev.storefront.auth.JwtAccessTokenIssuer;
import dev.storefront.auth.JwtAccessTokenVerifier;
import dev.storefront.auth.SigningKeys;
import dev.storefront.domain.IdGenerator;
import dev.storefront.domain.account.AccountService;
import dev.storefront.domain.account.LoginThrottle;
import dev.storefront.domain.auth.AccessTokenVerifier;
import dev.storefront.dynamodb.DynamoDbClientFactory;
import dev.storefront.dynamodb.DynamoDbIdempotencyStore;
import dev.storefront.dynamodb.DynamoDbSessionRepository;
import dev.storefront.dynamodb.DynamoDbUserRepository;
import dev.storefront.platform.config.EnvVars;
import dev.storefront.platform.config.LambdaEnvironment;
import dev.storefront.platform.config.Settings;
import dev.storefront.platform.http.Authenticator;
import dev.storefront.platform.http.ErrorMapper;
import dev.storefront.platform.http.RequestPipeline;
import dev.storefront.platform.idempotency.IdempotencyGuard;
import dev.storefront.redis.RedisClientFactory;
import dev.storefront.redis.RedisLoginThrottle;
import dev.storefront.redis.RedisSettings;
import dev.storefront.redis.ResilientRedis;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.storefront.platform.http.Json;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Wiring of the accounts function, built once per execution environment. Every client is created
 * here, in init, where SnapStart snapshots it.
 */
@Factory
public class AccountsBeans {

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
                .map(arn -> jsonField(secretString(secrets.get(), arn), "password"))
                .map(redis::withPassword)
                .orElse(redis);
        return new ResilientRedis(RedisClientFactory.lazy(redis));
    }

    @Singleton
    LoginThrottle loginThrottle(ResilientRedis redis) {
        return new RedisLoginThrottle(redis);
    }

    @Singleton
    AccessTokenVerifier accessTokenVerifier(Settings settings, Clock clock) {
        return new JwtAccessTokenVerifier(SigningKeys.parsePublicJwkSet(settings.required(EnvVars.JWT_PUBLIC_JWKS)),
                settings.required(EnvVars.JWT_ISSUER), settings.required(EnvVars.JWT_AUDIENCE), clock);
    }

    @Singleton
    JwtAccessTokenIssuer accessTokenIssuer(Settings settings, BeanProvider<SecretsManagerClient> secrets,
            Clock clock) {
        String jwk = settings.optional(EnvVars.JWT_SIGNING_JWK)
                .orElseGet(() -> secretString(secrets.get(), settings.required(EnvVars.JWT_SIGNING_KEY_SECRET_ARN)));
        return new JwtAccessTokenIssuer(SigningKeys.parsePrivateJwk(jwk), settings.required(EnvVars.JWT_ISSUER),
                settings.required(EnvVars.JWT_AUDIENCE), clock);
    }

    @Singleton
    AccountService accountService(Settings settings, DynamoDbEnhancedClient dynamoDb, JwtAccessTokenIssuer issuer,
            LoginThrottle throttle, IdGenerator ids, Clock clock, SecureRandom random) {
        return new AccountService(
                new DynamoDbUserRepository(dynamoDb, settings.required(EnvVars.USERS_TABLE)),
                new DynamoDbSessionRepository(dynamoDb, settings.required(EnvVars.SESSIONS_TABLE)),
                new Argon2idPasswordHasher(), issuer, throttle, ids, clock, random);
    }

    @Singleton
    RequestPipeline pipeline(Settings settings, AccountService accounts, AccessTokenVerifier verifier,
            DynamoDbEnhancedClient dynamoDb, Clock clock, ErrorMapper errors) {
        // Served as parsed, so that only public key material can ever leave the function.
        AccountsApi api = new AccountsApi(accounts,
                SigningKeys.parsePublicJwkSet(settings.required(EnvVars.JWT_PUBLIC_JWKS)).toString());
        return new RequestPipeline(api.routes(), new Authenticator(verifier),
                new IdempotencyGuard(new DynamoDbIdempotencyStore(dynamoDb,
                        settings.required(EnvVars.IDEMPOTENCY_TABLE)), clock), errors);
    }

    private static String secretString(SecretsManagerClient secrets, String secretArn) {
        return secrets.getSecretValue(request -> request.secretId(secretArn)).secretString();
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
