package dev.storefront.functions.accounts;

import dev.storefront.auth.Argon2idPasswordHasher;
import dev.storefront.auth.JwtAccessTokenIssuer;
import dev.storefront.auth.SigningKeys;
import dev.storefront.domain.IdGenerator;
import dev.storefront.domain.account.AccountService;
import dev.storefront.domain.account.LoginThrottle;
import dev.storefront.dynamodb.DynamoDbSessionRepository;
import dev.storefront.dynamodb.DynamoDbUserRepository;
import dev.storefront.platform.config.EnvVars;
import dev.storefront.platform.config.Settings;
import dev.storefront.platform.http.Authenticator;
import dev.storefront.platform.http.ErrorMapper;
import dev.storefront.platform.http.RequestPipeline;
import dev.storefront.platform.idempotency.IdempotencyGuard;
import dev.storefront.redis.RedisLoginThrottle;
import dev.storefront.redis.ResilientRedis;
import dev.storefront.runtime.Secrets;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/**
 * Wiring of the accounts function on top of the shared {@code FunctionBeans} (clients, Redis,
 * authentication, idempotency): the login throttle, the token issuer, the service and the routes.
 */
@Factory
public class AccountsBeans {

    @Singleton
    LoginThrottle loginThrottle(ResilientRedis redis) {
        return new RedisLoginThrottle(redis);
    }

    /** The private signing key: from Secrets Manager in AWS, from the environment in local runs. */
    @Singleton
    JwtAccessTokenIssuer accessTokenIssuer(Settings settings, Secrets secrets, Clock clock) {
        String jwk = settings.optional(EnvVars.JWT_SIGNING_JWK)
                .orElseGet(() -> secrets.string(settings.required(EnvVars.JWT_SIGNING_KEY_SECRET_ARN)));
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
    RequestPipeline pipeline(Settings settings, AccountService accounts, Authenticator authenticator,
            IdempotencyGuard idempotency, ErrorMapper errors) {
        // Served as parsed, so that only public key material can ever leave the function.
        AccountsApi api = new AccountsApi(accounts,
                SigningKeys.parsePublicJwkSet(settings.required(EnvVars.JWT_PUBLIC_JWKS)).toString());
        return new RequestPipeline(api.routes(), authenticator, idempotency, errors);
    }
}
