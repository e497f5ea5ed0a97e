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
    ResilientRedis redis(Settings settings) {
        RedisSettings redis = RedisSettings.of(settings.required(EnvVars.REDIS_URL),
                settings.flag(EnvVars.REDIS_CLUSTER, false));
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
    JwtAccessTokenIssuer accessTokenIssuer(Settings settings, SdkHttpClient httpClient, Clock clock) {
        String jwk = settings.optional(EnvVars.JWT_SIGNING_JWK)
                .orElseGet(() -> signingKeyFromSecretsManager(settings, httpClient));
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

    private static String signingKeyFromSecretsManager(Settings settings, SdkHttpClient httpClient) {
        String secretArn = settings.required(EnvVars.JWT_SIGNING_KEY_SECRET_ARN);
        Map<String, String> variables = LambdaEnvironment.variables();
        try (SecretsManagerClient secrets = SecretsManagerClient.builder()
                .httpClient(httpClient)
                .region(DynamoDbClientFactory.region(variables))
                .credentialsProvider(DynamoDbClientFactory.credentials(variables))
                .build()) {
            return secrets.getSecretValue(request -> request.secretId(secretArn)).secretString();
        }
    }
}
