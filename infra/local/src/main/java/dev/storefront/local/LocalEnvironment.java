package dev.storefront.local;

import static dev.storefront.localcloud.CloudFormationTemplate.asMap;

import dev.storefront.localcloud.IntrinsicResolver;
import java.util.LinkedHashMap;
import java.util.Map;

/** Composes a function's environment: template variables, then the local overrides, then Lambda's own. */
final class LocalEnvironment {

    static final String SIGNING_JWK = "STOREFRONT_JWT_SIGNING_JWK";
    static final String SIGNING_SECRET_ARN = "STOREFRONT_JWT_SIGNING_KEY_SECRET_ARN";
    static final String CURSOR_KEY = "STOREFRONT_CURSOR_KEY";
    static final String CURSOR_SECRET_ARN = "STOREFRONT_CURSOR_SECRET_ARN";

    /**
     * Secrets: the variable naming the Secrets Manager secret in AWS, and the variable carrying the value
     * itself locally. A function gets the local value only when its template environment names the secret,
     * as only such a function may read it in AWS; the ARN variable is removed (nothing to fetch locally).
     */
    static final String WEBHOOK_SECRET = "STOREFRONT_PAYMENT_WEBHOOK_SECRET";
    static final String WEBHOOK_SECRET_ARN = "STOREFRONT_PAYMENT_WEBHOOK_SECRET_ARN";

    static final Map<String, String> SECRETS = Map.of(
            SIGNING_SECRET_ARN, SIGNING_JWK,
            CURSOR_SECRET_ARN, CURSOR_KEY,
            WEBHOOK_SECRET_ARN, WEBHOOK_SECRET);

    /** The card processor, and (with {@code stripe}) the Stripe key and API base, e.g. a stripe-mock. */
    static final String PAYMENT_PROVIDER = "STOREFRONT_PAYMENT_PROVIDER";
    static final java.util.List<String> STRIPE_SETTINGS = java.util.List.of("STOREFRONT_STRIPE_API_KEY",
            "STOREFRONT_STRIPE_API_BASE");

    private LocalEnvironment() {
    }

    /** The resolved {@code Globals.Function.Environment.Variables}. */
    static Map<String, String> globals(IntrinsicResolver resolver) {
        Object function = resolver.template().globals().get("Function");
        Map<String, String> result = new LinkedHashMap<>();
        if (function == null) {
            return result;
        }
        Object environment = asMap(function).get("Environment");
        if (environment == null || asMap(environment).get("Variables") == null) {
            return result;
        }
        asMap(asMap(environment).get("Variables")).forEach((name, value) -> {
            Object resolved = resolver.resolve(value, "Globals.Function.Environment.Variables." + name);
            if (resolved != IntrinsicResolver.NO_VALUE) {
                result.put(name, String.valueOf(resolved));
            }
        });
        return result;
    }

    /** Applies overrides in place; a null value removes the variable. */
    static void apply(Map<String, String> environment, Map<String, String> overrides) {
        overrides.forEach((name, value) -> {
            if (value == null) {
                environment.remove(name);
            } else {
                environment.put(name, value);
            }
        });
    }

    /**
     * The full environment of one function. A secret's local value only goes to functions whose template
     * environment names the secret ({@link #SECRETS}).
     */
    static Map<String, String> forFunction(FunctionDefinition function, Map<String, String> overrides, String region) {
        Map<String, String> environment = new LinkedHashMap<>(function.environment());
        boolean takesPayments = environment.containsKey(PAYMENT_PROVIDER);
        Map<String, Boolean> readsSecret = new LinkedHashMap<>();
        SECRETS.keySet().forEach(arn -> readsSecret.put(arn, environment.containsKey(arn)));
        apply(environment, overrides);
        SECRETS.forEach((arn, value) -> {
            environment.remove(arn);
            if (!readsSecret.get(arn)) {
                environment.remove(value);
            }
        });
        if (!takesPayments) {
            // Only the functions that take or give back money (their template names the provider) see the key.
            environment.remove(PAYMENT_PROVIDER);
            STRIPE_SETTINGS.forEach(environment::remove);
        }
        environment.put("AWS_LAMBDA_FUNCTION_NAME", function.functionName());
        environment.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", String.valueOf(function.memoryMb()));
        environment.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        environment.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + function.functionName());
        environment.put("AWS_REGION", region);
        environment.put("AWS_DEFAULT_REGION", region);
        return environment;
    }
}
