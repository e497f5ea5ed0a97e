package dev.storefront.redis;

import static dev.storefront.redis.RedisLoginThrottleIT.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;

import dev.storefront.domain.Money;
import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.catalog.ProductStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;

/** The product cache against a real redis-server: hits, versions, the stampede lock, and an outage. */
class RedisProductCacheIT {

    private static final Instant CREATED = Instant.parse("2026-11-22T10:15:30.123Z");

    private EmbeddedRedis server;
    private LazyRedisClient client;
    private ResilientRedis redis;
    private RedisProductCache cache;
    private RedisClient inspector;

    @BeforeEach
    void start() {
        server = new EmbeddedRedis();
        client = RedisClientFactory.lazy(RedisSettings.of(server.url(), false));
        redis = new ResilientRedis(client, Duration.ofMillis(200), System::nanoTime);
        cache = new RedisProductCache(redis);
        inspector = RedisClient.create("127.0.0.1", server.port());
    }

    @AfterEach
    void stop() {
        inspector.close();
        client.close();
        server.close();
    }

    @Test
    void put_thenGet_shouldReturnTheSameProduct_withAJitteredTtl() {
        // given
        Product product = product(1);

        // when
        cache.put(product);

        // then
        assertThat(cache.get(product.productId())).contains(product);
        long ttl = inspector.pttl(RedisProductCache.key(product.productId()));
        assertThat(ttl).isBetween(250_000L, 330_000L);
    }

    @Test
    void get_shouldMiss_forAnUnknownProduct() {
        assertThat(cache.get("unknown-" + UUID.randomUUID())).isEmpty();
    }

    @Test
    void evict_shouldForgetTheProduct_andRefuseALateStalePut() {
        // given: version 1 cached, then version 2 written
        Product v1 = product(1);
        cache.put(v1);
        cache.evict(v1.productId(), 2);

        // when: a reader that loaded version 1 before the write caches it late
        cache.put(v1);

        // then
        assertThat(cache.get(v1.productId())).isEmpty();
        Product v2 = withVersion(v1, 2);
        cache.put(v2);
        assertThat(cache.get(v1.productId())).contains(v2);
    }

    @Test
    void put_shouldNotReplaceANewerVersion() {
        Product v3 = withVersion(product(1), 3);
        cache.put(v3);

        cache.put(withVersion(v3, 2));

        assertThat(cache.get(v3.productId())).contains(v3);
    }

    @Test
    void get_shouldLetOneCallerLoad_andTheOthersWaitForItsValue() throws Exception {
        // given
        Product product = product(1);
        AtomicInteger loads = new AtomicInteger();
        Callable<Product> reader = () -> cache.get(product.productId()).orElseGet(() -> {
            loads.incrementAndGet();
            sleep(30); // the DynamoDB read
            cache.put(product);
            return product;
        });

        // when
        List<Product> results = race(8, reader);

        // then
        assertThat(results).containsOnly(product);
        assertThat(loads.get()).isEqualTo(1);
    }

    @Test
    void get_shouldFallThrough_whenTheLockHolderNeverDelivers() {
        Product product = product(1);
        assertThat(cache.get(product.productId())).isEmpty(); // takes the lock, never puts

        long started = System.nanoTime();
        Optional<Product> second = cache.get(product.productId());
        Duration waited = Duration.ofNanos(System.nanoTime() - started);

        assertThat(second).isEmpty();
        assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(150)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void get_shouldTreatAnUnreadableValueAsAMiss() {
        Product product = product(1);
        inspector.hset(RedisProductCache.key(product.productId()), Map.of("v", "1", "j", "{not json"));

        assertThat(cache.get(product.productId())).isEmpty();
    }

    @Test
    void everyOperation_shouldDegradeQuietly_whileRedisIsDown_andWorkAgainAfterARestart() {
        // given
        Product product = product(1);
        cache.put(product);
        server.stop();

        // when / then: misses and no-ops, quickly, never an exception
        long started = System.nanoTime();
        for (int i = 0; i < 50; i++) {
            assertThat(cache.get(product.productId())).isEmpty();
            cache.put(product);
            cache.evict(product.productId(), 2);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));

        // when: Redis is back (empty)
        server.start();
        awaitTrue(() -> redis.call("probe", UnifiedJedis::ping).isPresent(), Duration.ofSeconds(10));

        // then
        cache.put(product);
        assertThat(cache.get(product.productId())).contains(product);
    }

    private static List<Product> race(int contenders, Callable<Product> action) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(contenders);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Product>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < contenders; i++) {
                futures.add(executor.submit(() -> {
                    start.await();
                    return action.call();
                }));
            }
            start.countDown();
            List<Product> results = new java.util.ArrayList<>();
            for (Future<Product> future : futures) {
                results.add(future.get(10, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            executor.shutdownNow();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Product product(long version) {
        return new Product("P-" + UUID.randomUUID(), "SKU-1", "Desk lamp", "Bright.", "Lighting", "Lumen",
                Money.of(1999, "USD"), 12, 850, List.of("https://img.example/lamp.jpg"), Map.of("colour", "red"),
                ProductStatus.ACTIVE, CREATED, CREATED, version);
    }

    private static Product withVersion(Product p, long version) {
        return new Product(p.productId(), p.sku(), p.name() + " v" + version, p.description(), p.category(),
                p.brand(), p.price(), p.available(), p.weightGrams(), p.images(), p.attributes(), p.status(),
                p.createdAt(), p.updatedAt(), version);
    }
}
