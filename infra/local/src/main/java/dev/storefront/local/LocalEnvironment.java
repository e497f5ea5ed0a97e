package dev.storefront.local;

import static dev.storefront.localcloud.CloudFormationTemplate.asMap;

import dev.storefront.localcloud.IntrinsicResolver;
import java.util.LinkedHashMap;
import java.util.Map;

/** Composes a function's environment: template variables, then the local overrides, then Lambda's own. */
final class LocalEnvironment {

    static final String SIGNING_JWK = "STOREFRONT_JWT_SIGNING_JWK";
    static final String SIGNING_SECRET_ARN = "STOREFRONT_JWT_SIGNING_KEY_SECRET_ARN";

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
     * The full environment of one function. The private signing key only goes to functions whose template
     * environment names the signing-key secret: in AWS only those may read it.
     */
    static Map<String, String> forFunction(FunctionDefinition function, Map<String, String> overrides, String region) {
        Map<String, String> environment = new LinkedHashMap<>(function.environment());
        boolean signs = environment.containsKey(SIGNING_SECRET_ARN);
        apply(environment, overrides);
        environment.remove(SIGNING_SECRET_ARN);
        if (!signs) {
            environment.remove(SIGNING_JWK);
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
