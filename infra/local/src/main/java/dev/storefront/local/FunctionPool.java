package dev.storefront.local;

import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The execution environments of one function: created lazily up to a maximum, each running one invocation
 * at a time. The function's Timeout is enforced: a timed-out instance is discarded, as Lambda discards the
 * sandbox, and the next invocation gets a fresh one.
 */
final class FunctionPool implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(FunctionPool.class.getName());

    private final FunctionDefinition function;
    private final FunctionArtifact artifact;
    private final String region;
    private final String accountId;
    private final Semaphore permits;
    private final Deque<FunctionInstance> idle = new ConcurrentLinkedDeque<>();
    private final ExecutorService workers;
    private final AtomicInteger instancesCreated = new AtomicInteger();
    private volatile boolean closed;

    FunctionPool(FunctionDefinition function, FunctionArtifact artifact, int maxInstances, String region, String accountId) {
        this.function = function;
        this.artifact = artifact;
        this.region = region;
        this.accountId = accountId;
        this.permits = new Semaphore(maxInstances, true);
        AtomicInteger threads = new AtomicInteger();
        this.workers = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "lambda-" + function.logicalId() + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Creates the first instance now, so a broken artifact fails at start-up rather than on first request. */
    void warmUp() {
        idle.push(newInstance());
    }

    private FunctionInstance newInstance() {
        instancesCreated.incrementAndGet();
        return FunctionInstance.create(function, artifact, region, accountId);
    }

    /** How many instances were ever created (each is a cold start). */
    int instancesCreated() {
        return instancesCreated.get();
    }

    FunctionDefinition function() {
        return function;
    }

    FunctionArtifact artifact() {
        return artifact;
    }

    /**
     * Invokes the function with a JSON payload and returns its raw output.
     *
     * @throws FunctionException when the handler throws, cannot be initialised, or times out
     */
    byte[] invoke(byte[] payload, String requestId) throws FunctionException {
        if (closed) {
            throw new FunctionException(function.logicalId() + " is shut down", null, false);
        }
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FunctionException("Interrupted while waiting for an instance", e, false);
        }
        FunctionInstance instance = null;
        boolean keep = false;
        try {
            instance = idle.poll();
            long timeoutMillis = function.timeoutSeconds() * 1000L;
            long start = System.currentTimeMillis();
            if (instance == null) {
                // Init runs on the caller's thread and, as in Lambda, does not count against the Timeout here.
                instance = newInstance();
            }
            FunctionInstance running = instance;
            long deadline = System.currentTimeMillis() + timeoutMillis;
            Future<byte[]> result = workers.submit(() -> {
                try {
                    return running.invoke(payload, requestId, deadline);
                } catch (Exception | Error e) {
                    throw e;
                } catch (Throwable t) {
                    throw new ExecutionException(t);
                }
            });
            try {
                byte[] output = result.get(timeoutMillis, TimeUnit.MILLISECONDS);
                keep = true;
                return output;
            } catch (TimeoutException e) {
                result.cancel(true);
                throw new FunctionException(String.format("%s Task timed out after %.2f seconds", requestId,
                        (System.currentTimeMillis() - start) / 1000.0), null, true);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                // A thrown Error (out of memory, stack overflow...) takes the sandbox down in Lambda too.
                keep = !(cause instanceof Error);
                throw new FunctionException(function.logicalId() + " failed: " + cause, cause, false);
            } catch (InterruptedException e) {
                result.cancel(true);
                Thread.currentThread().interrupt();
                throw new FunctionException("Interrupted", e, false);
            }
        } catch (IllegalStateException e) {
            throw new FunctionException(e.getMessage(), e.getCause(), false);
        } finally {
            if (instance != null) {
                if (keep && !closed) {
                    idle.push(instance);
                } else {
                    instance.close();
                }
            }
            permits.release();
        }
    }

    @Override
    public void close() {
        closed = true;
        workers.shutdownNow();
        FunctionInstance instance;
        while ((instance = idle.poll()) != null) {
            instance.close();
        }
        artifact.close();
        LOG.log(System.Logger.Level.DEBUG, "Closed {0}", function.logicalId());
    }
}
