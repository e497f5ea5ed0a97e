package dev.storefront.bench.harness;

import dev.storefront.localcloud.CloudFormationTemplate;
import dev.storefront.localcloud.IntrinsicResolver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * A function's environment as the local gateway builds it: template {@code Globals.Function.Environment} and the
 * function's own {@code Environment.Variables} (intrinsics resolved for local; values that cannot be resolved
 * locally are left out), then the local overrides, then the variables the Lambda service sets.
 */
public final class FunctionEnvironment {

    static final String RESOURCE = "storefront-lambda-env.properties";

    private FunctionEnvironment() {
    }

    public static Map<String, String> of(IntrinsicResolver resolver, String logicalId, Map<String, String> overrides) {
        CloudFormationTemplate template = resolver.template();
        CloudFormationTemplate.Resource function = template.resources().get(logicalId);
        if (function == null) {
            throw new IllegalArgumentException("template.yaml has no resource " + logicalId);
        }
        Map<String, Object> globals = section(template.globals(), "Function");
        Map<String, String> env = new LinkedHashMap<>();
        addVariables(resolver, env, section(globals, "Environment"), "Globals.Function");
        addVariables(resolver, env, section(function.properties(), "Environment"), logicalId);
        overrides.forEach((name, value) -> {
            if (value == null) {
                env.remove(name);
            } else {
                env.put(name, value);
            }
        });
        Object name = function.properties().get("FunctionName");
        env.put("AWS_LAMBDA_FUNCTION_NAME", name == null ? logicalId : resolver.resolveString(name, logicalId + ".FunctionName"));
        Object memory = function.properties().getOrDefault("MemorySize", globals.getOrDefault("MemorySize", 128));
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", resolver.resolveString(memory, logicalId + ".MemorySize"));
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        return env;
    }

    private static void addVariables(IntrinsicResolver resolver, Map<String, String> env, Map<String, Object> environment,
            String where) {
        section(environment, "Variables").forEach((name, value) -> {
            try {
                env.put(name, resolver.resolveString(value, where + ".Environment.Variables." + name));
            } catch (RuntimeException e) {
                // An AWS-only value (e.g. a secret ARN parameter without default): the local overrides replace it.
                env.remove(name);
            }
        });
    }

    private static Map<String, Object> section(Map<String, Object> parent, String name) {
        Object value = parent.get(name);
        return value == null ? Map.of() : CloudFormationTemplate.asMap(value);
    }

    /** Writes {@value #RESOURCE} into a new directory, the first entry of the function's class path. */
    public static Path writeDirectory(Path directory, Map<String, String> env) {
        Properties properties = new Properties();
        properties.putAll(new TreeMap<>(env));
        try {
            Files.createDirectories(directory);
            try (Writer out = Files.newBufferedWriter(directory.resolve(RESOURCE), StandardCharsets.UTF_8)) {
                properties.store(out, "benchmark: the function's environment");
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + RESOURCE + " to " + directory, e);
        }
    }

    /**
     * The whole process environment of a child JVM that runs the function: nothing of this process's but PATH,
     * HOME and the locale.
     *
     * @param initializationType what Lambda sets as {@code AWS_LAMBDA_INITIALIZATION_TYPE} ({@code on-demand},
     *                           {@code snap-start})
     */
    public static Map<String, String> childProcess(Map<String, String> functionEnv, String initializationType) {
        Map<String, String> env = new HashMap<>();
        for (String name : List.of("PATH", "HOME", "LANG", "TZ")) {
            String value = System.getenv(name);
            if (value != null) {
                env.put(name, value);
            }
        }
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", initializationType);
        env.putAll(functionEnv);
        return env;
    }
}
