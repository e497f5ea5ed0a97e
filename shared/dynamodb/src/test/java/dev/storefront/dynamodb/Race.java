package dev.storefront.dynamodb;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs one action from many threads released at the same instant, and collects what each got. */
final class Race {

    private Race() {
    }

    /** Each result is either the action's value or the exception it threw. */
    static <T> List<Object> run(int contenders, Callable<T> action) throws InterruptedException {
        ExecutorService executor = Executors.newFixedThreadPool(contenders);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < contenders; i++) {
            futures.add(executor.submit(() -> {
                start.await();
                return action.call();
            }));
        }
        start.countDown();
        List<Object> results = new ArrayList<>();
        for (Future<T> future : futures) {
            try {
                results.add(future.get(30, TimeUnit.SECONDS));
            } catch (Exception e) {
                results.add(e.getCause() == null ? e : e.getCause());
            }
        }
        executor.shutdownNow();
        return results;
    }
}
