package dev.storefront.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WorkersTest {

    @Test
    void burst_shouldCallEachIndexOnce_andKeepResultsAndLatenciesByIndex() {
        try (Workers workers = new Workers(4)) {
            AtomicInteger calls = new AtomicInteger();

            Workers.Burst<Integer> burst = workers.burst(100, i -> {
                calls.incrementAndGet();
                return i * i;
            });

            assertThat(calls).hasValue(100);
            assertThat(burst.results()).hasSize(100).element(7).isEqualTo(49);
            assertThat(burst.latenciesMillis()).hasSize(100).allSatisfy(l -> assertThat(l).isNotNegative());
            assertThat(burst.wallNanos()).isPositive();
            assertThat(burst.perSecond()).isPositive();
        }
    }

    @Test
    void burst_shouldRunOnEveryThreadAtOnce() {
        try (Workers workers = new Workers(3)) {
            // Each of the first three calls waits for the other two: only three threads at once get past it.
            CountDownLatch together = new CountDownLatch(3);
            Set<String> threads = ConcurrentHashMap.newKeySet();

            workers.burst(3, i -> {
                threads.add(Thread.currentThread().getName());
                together.countDown();
                try {
                    return together.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }).results().forEach(all -> assertThat(all).isTrue());

            assertThat(threads).hasSize(3);
        }
    }

    @Test
    void burst_shouldFail_whenACallThrows() {
        try (Workers workers = new Workers(2)) {
            assertThatThrownBy(() -> workers.burst(10, i -> {
                if (i == 5) {
                    throw new IllegalStateException("boom");
                }
                return i;
            })).hasMessage("a benchmark thread failed").hasRootCauseMessage("boom");
        }
    }

    @Test
    void new_shouldReject_noThreads() {
        assertThatThrownBy(() -> new Workers(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
