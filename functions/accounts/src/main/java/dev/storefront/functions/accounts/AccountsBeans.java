package dev.storefront.functions.accounts;

import dev.storefront.auth.Argon2idPasswordHasher;
import dev.storefront.auth.JwtAccessTokenIssuer;
import dev.storefront.auth.SigningKeys;
import dev.storefront.domain.IdGenerator;
import dev.storefront.domain.account.AccountService;
import dev.storefront.domain.account.LoginThrottle;
import dev.storefront.domain.auth.PasswordHasher;
import dev.storefront.dynamodb.DynamoDbSessionRepository;
import dev.storefront.dynamodb.DynamoDbUserRepository;
import dev.storefront.platform.config.TableNames;
import dev.storefront.platform.config.JwtConfiguration;
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
    JwtAccessTokenIssuer accessTokenIssuer(JwtConfiguration jwt, Secrets secrets, Clock clock) {
        String jwk = jwt.localSigningJwk().orElseGet(() -> secrets.string(jwt.requiredSigningKeySecretArn()));
        return new JwtAccessTokenIssuer(SigningKeys.parsePrivateJwk(jwk), jwt.issuer(), jwt.audience(), clock);
    }

    /** Argon2id at the OWASP minimum (19 MiB, 2 passes). */
    @Singleton
    PasswordHasher passwordHasher() {
        return new Argon2idPasswordHasher();
    }

    @Singleton
    AccountService accountService(TableNames tables, DynamoDbEnhancedClient dynamoDb, PasswordHasher hasher,
            JwtAccessTokenIssuer issuer,
            LoginThrottle throttle, IdGenerator ids, Clock clock, SecureRandom random) {
        return new AccountService(
                new DynamoDbUserRepository(dynamoDb, tables.users()),
                new DynamoDbSessionRepository(dynamoDb, tables.sessions()),
                hasher, issuer, throttle, ids, clock, random);
    }

    @Singleton
    RequestPipeline pipeline(JwtConfiguration jwt, AccountService accounts, Authenticator authenticator,
            IdempotencyGuard idempotency, ErrorMapper errors) {
        // Served as parsed, so that only public key material can ever leave the function.
        AccountsApi api = new AccountsApi(accounts,
                SigningKeys.parsePublicJwkSet(jwt.publicJwks()).toString());
        return new RequestPipeline(api.routes(), authenticator, idempotency, errors);
    }
}
