package dev.storefront.platform;

import dev.storefront.domain.IdGenerator;
import dev.storefront.platform.config.EnvVars;
import dev.storefront.platform.config.LambdaEnvironment;
import dev.storefront.platform.metrics.BusinessMetrics;
import dev.storefront.platform.metrics.EmfMetrics;
import dev.storefront.platform.http.ErrorMapper;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;

/** Beans every function shares: clock, randomness, ids, business metrics and the error mapper. */
@Factory
public class PlatformBeans {

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Singleton
    SecureRandom secureRandom() {
        return new SecureRandom();
    }

    @Singleton
    IdGenerator idGenerator(Clock clock, SecureRandom random) {
        return new IdGenerator(clock, random);
    }

    @Singleton
    BusinessMetrics businessMetrics(Clock clock) {
        return new EmfMetrics(LambdaEnvironment.variables().getOrDefault(EnvVars.FUNCTION_NAME, "local"), System.out,
                clock);
    }

    @Singleton
    ErrorMapper errorMapper() {
        return new ErrorMapper();
    }
}
