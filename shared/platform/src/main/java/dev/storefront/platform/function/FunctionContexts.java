package dev.storefront.platform.function;

import dev.storefront.platform.config.LambdaEnvironment;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.env.Environment;
import io.micronaut.context.env.PropertySource;
import io.micronaut.function.aws.MicronautLambdaContext;
import java.util.Map;

/** The one way a storefront application context is built, in Lambda, in the local gateway and in tests. */
public final class FunctionContexts {

    /** Name of the property source that holds the function's environment variables. */
    public static final String LAMBDA_ENVIRONMENT = "lambda-environment";

    private FunctionContexts() {
    }

    /**
     * The environments of Micronaut Function's Lambda builder ({@code function} and {@code lambda}), with:
     * <ul>
     *   <li>the function's own variables ({@link LambdaEnvironment}: the process environment, overlaid locally by
     *   the function's own) as the one environment property source, with the environment variable convention
     *   ({@code STOREFRONT_USERS_TABLE} is {@code storefront.users-table}): the local gateway runs many functions in
     *   one process, whose single environment is not any function's;</li>
     *   <li>no environment deduction (no probing of cloud providers at start) and no banner;</li>
     *   <li>singletons created when first needed, not all at start: the shared factories offer beans that only
     *   some functions use (Redis, Secrets Manager), and a function must not need the settings of a bean it never
     *   uses. The handler's injection still creates, during the init, everything the function uses, so a missing
     *   setting fails the init; SnapStart priming exercises it before the snapshot.</li>
     * </ul>
     * This is why the builder is not {@link io.micronaut.function.aws.LambdaApplicationContextBuilder} itself: it
     * makes every singleton eager, and a builder cannot turn that off again.
     */
    public static ApplicationContextBuilder builder() {
        return builder(LambdaEnvironment.variables());
    }

    /**
     * The same builder with {@code variables} as the function's whole environment (tests): the process environment
     * is not read, so that a variable the test did not give cannot leak into it.
     */
    public static ApplicationContextBuilder builder(Map<String, String> variables) {
        return ApplicationContext.builder(Environment.FUNCTION, MicronautLambdaContext.ENVIRONMENT_LAMBDA)
                .deduceEnvironment(false)
                .banner(false)
                .environmentPropertySource(false)
                .propertySources(PropertySource.of(LAMBDA_ENVIRONMENT, Map.copyOf(variables),
                        PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE));
    }
}
