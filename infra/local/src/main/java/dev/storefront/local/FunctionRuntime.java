package dev.storefront.local;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
                pools.put(function.logicalId(), new FunctionPool(function, artifact, maxInstances, region, accountId));
            }
            warmUpInParallel(pools.values());
            return runtime;
        } catch (RuntimeException e) {
            runtime.close();
            throw e;
        }
    }

    /**
     * Creates every function's first instance (its init) at the same time, as Lambda would for a deploy,
     * so start-up time grows with the slowest function rather than with their number.
     */
    private static void warmUpInParallel(Collection<FunctionPool> pools) {
        ExecutorService starters = Executors.newFixedThreadPool(
                Math.max(1, Math.min(pools.size(), Runtime.getRuntime().availableProcessors())));
        try {
            List<Future<?>> started = new ArrayList<>();
            for (FunctionPool pool : pools) {
                started.add(starters.submit(pool::warmUp));
            }
            for (Future<?> future : started) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    throw new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while starting functions", e);
                }
            }
        } finally {
            starters.shutdownNow();
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
