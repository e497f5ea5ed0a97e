package dev.storefront.local;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** All functions of the template, each with its own pool of isolated instances. */
public final class FunctionRuntime implements AutoCloseable {

    private final Map<String, FunctionPool> pools;

    private FunctionRuntime(Map<String, FunctionPool> pools) {
        this.pools = pools;
    }

    /**
     * Prepares every function's artifact and creates its first instance (so broken artifacts fail now).
     *
     * @param environment the full environment of a function (its resource file's content)
     */
    public static FunctionRuntime start(List<FunctionDefinition> functions, Function<FunctionDefinition, Map<String, String>> environment,
                                        int maxInstances, String region, String accountId) {
        Map<String, FunctionPool> pools = new LinkedHashMap<>();
        FunctionRuntime runtime = new FunctionRuntime(pools);
        try {
            for (FunctionDefinition function : functions) {
                FunctionArtifact artifact = FunctionArtifact.prepare(function, environment.apply(function));
                FunctionPool pool = new FunctionPool(function, artifact, maxInstances, region, accountId);
                pools.put(function.logicalId(), pool);
                pool.warmUp();
            }
            return runtime;
        } catch (RuntimeException e) {
            runtime.close();
            throw e;
        }
    }

    /** Invokes a function by logical id with a JSON payload; returns its raw output. */
    public byte[] invoke(String logicalId, byte[] payload, String requestId) throws FunctionException {
        FunctionPool pool = pools.get(logicalId);
        if (pool == null) {
            throw new FunctionException("No function " + logicalId, null, false);
        }
        return pool.invoke(payload, requestId);
    }

    /** The function definitions, in template order. */
    public List<FunctionDefinition> functions() {
        List<FunctionDefinition> result = new ArrayList<>();
        pools.values().forEach(p -> result.add(p.function()));
        return result;
    }

    /** How many instances of a function were created so far (cold starts). */
    public int instancesCreated(String logicalId) {
        return pools.get(logicalId).instancesCreated();
    }

    /** The environment resource a function sees, as written. */
    public Map<String, String> environment(String logicalId) {
        Map<String, String> result = new LinkedHashMap<>();
        pools.get(logicalId).artifact().environment().forEach((k, v) -> result.put((String) k, (String) v));
        return result;
    }

    @Override
    public void close() {
        Collection<FunctionPool> all = pools.values();
        all.forEach(FunctionPool::close);
    }
}
