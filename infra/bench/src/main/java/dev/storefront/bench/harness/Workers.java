package dev.storefront.bench.harness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/** A fixed set of threads that run bursts of calls: all threads released together, each call timed. */
public final class Workers implements AutoCloseable {

    private final int threads;
    private final ExecutorService pool;

    public Workers(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        this.threads = threads;
        this.pool = Executors.newFixedThreadPool(threads);
    }

    public int threads() {
        return threads;
    }

    /**
     * Runs {@code call(0)} to {@code call(count - 1)}, each once, from every thread: the threads start together
     * once all are ready and each takes the next index until none is left. A call that throws fails the burst.
     *
     * @return each call's result and latency by index, and the wall time from the release to the last call's end
     */
    public <T> Burst<T> burst(int count, IntFunction<T> call) {
        Object[] results = new Object[count];
        double[] latencies = new double[count];
        AtomicInteger next = new AtomicInteger();
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    long t0 = System.nanoTime();
                    results[i] = call.apply(i);
                    latencies[i] = (System.nanoTime() - t0) / 1e6;
                }
                return null;
            }));
        }
        try {
            ready.await();
            long t0 = System.nanoTime();
            go.countDown();
            for (Future<?> worker : workers) {
                worker.get();
            }
            long wall = System.nanoTime() - t0;
            @SuppressWarnings("unchecked")
            List<T> typed = (List<T>) Arrays.asList(results);
            return new Burst<>(typed, Arrays.stream(latencies).boxed().toList(), wall);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            workers.forEach(worker -> worker.cancel(true));
            throw new IllegalStateException("a benchmark thread failed", e.getCause());
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    /**
     * What a burst gave.
     *
     * @param results          each call's result, by index
     * @param latenciesMillis  each call's time, by index
     * @param wallNanos        release of the threads to the end of the last call
     */
    public record Burst<T>(List<T> results, List<Double> latenciesMillis, long wallNanos) {

        /** Calls per second of wall time. */
        public double perSecond() {
            return results.size() / (wallNanos / 1e9);
        }
    }
}
