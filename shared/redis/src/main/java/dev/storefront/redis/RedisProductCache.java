package dev.storefront.redis;

import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.catalog.ProductCache;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import redis.clients.jedis.params.SetParams;

/**
 * {@link ProductCache} on Redis, cache-aside, every command through {@link ResilientRedis}: with Redis
 * down every lookup is a miss and every write a no-op, so the catalog keeps answering from DynamoDB.
 *
 * <p>Layout: a hash {@code product:v1:{<id>}} with the version ({@code v}) and the product JSON
 * ({@code j}), kept for {@value #TTL_SECONDS} s ± 10 % (jitter spreads the expiry of entries cached
 * together). The braces are a hash tag: the entry and its lock key live in one cluster slot, so the
 * scripts below may touch both.
 *
 * <p>Versions make invalidation safe against the cache-aside race: {@link #evict} leaves a tombstone with
 * the version just written, and {@link #put} refuses a version older than the one the entry knows. A
 * reader that loaded version 1 before a write of version 2 therefore cannot cache version 1 after it.
 *
 * <p>Stampede protection: on a miss the first caller takes {@code product:v1:{<id>}:lock} ({@code SET NX
 * PX 2000}) and loads from DynamoDB; the others poll the entry up to {@value #WAIT_POLLS} times
 * {@value #WAIT_POLL_MILLIS} ms, then load as well. {@link #put} releases the lock.
 */
public final class RedisProductCache implements ProductCache {

    static final long TTL_SECONDS = 300;
    static final long LOCK_MILLIS = 2_000;
    static final int WAIT_POLLS = 3;
    static final long WAIT_POLL_MILLIS = 50;
    /** How long a tombstone outlives a write: longer than any read that started before it (Lambda timeout). */
    static final long TOMBSTONE_MILLIS = 60_000;

    private static final String PUT_SCRIPT = """
            redis.call('DEL', KEYS[2])
            local known = tonumber(redis.call('HGET', KEYS[1], 'v'))
            if known and known > tonumber(ARGV[1]) then return 0 end
            redis.call('HSET', KEYS[1], 'v', ARGV[1], 'j', ARGV[2])
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            return 1""";

    private static final String EVICT_SCRIPT = """
            local known = tonumber(redis.call('HGET', KEYS[1], 'v'))
            if known and known > tonumber(ARGV[1]) then return 0 end
            redis.call('DEL', KEYS[1])
            redis.call('HSET', KEYS[1], 'v', ARGV[1])
            redis.call('PEXPIRE', KEYS[1], ARGV[2])
            return 1""";

    /** The generation the cache was last warmed for ({@link dev.storefront.domain.catalog.CacheWarmer}). */
    static final String WARM_KEY = "product:v1:warmed";

    /** As EVICT_SCRIPT, but an entry of the same version stays (it is that version). */
    private static final String EVICT_OLDER_SCRIPT = """
            local known = tonumber(redis.call('HGET', KEYS[1], 'v'))
            if known and known >= tonumber(ARGV[1]) then return 0 end
            redis.call('DEL', KEYS[1])
            redis.call('HSET', KEYS[1], 'v', ARGV[1])
            redis.call('PEXPIRE', KEYS[1], ARGV[2])
            return 1""";

    private final ResilientRedis redis;
    private final Duration pollInterval;

    public RedisProductCache(ResilientRedis redis) {
        this(redis, Duration.ofMillis(WAIT_POLL_MILLIS));
    }

    RedisProductCache(ResilientRedis redis, Duration pollInterval) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.pollInterval = pollInterval;
    }

    @Override
    public Optional<Product> get(String productId) {
        String key = key(productId);
        Optional<Product> cached = read(key);
        if (cached.isPresent()) {
            return cached;
        }
        Optional<Boolean> locked = redis.call("product-cache.lock", jedis ->
                "OK".equals(jedis.set(lockKey(productId), "1", SetParams.setParams().nx().px(LOCK_MILLIS))));
        if (locked.isEmpty() || locked.get()) {
            return Optional.empty(); // Redis unavailable, or this caller loads the product
        }
        for (int poll = 0; poll < WAIT_POLLS; poll++) {
            if (!pause()) {
                break;
            }
            cached = read(key);
            if (cached.isPresent()) {
                return cached;
            }
        }
        return Optional.empty();
    }

    @Override
    public void put(Product product) {
        store(product);
    }

    /** Caches the product unless a newer version is known; false when Redis did not take it. */
    private boolean store(Product product) {
        String json = ProductJson.write(product);
        return redis.run("product-cache.put", jedis -> jedis.eval(PUT_SCRIPT,
                List.of(key(product.productId()), lockKey(product.productId())),
                List.of(Long.toString(product.version()), json, Long.toString(ttlMillis()))));
    }

    @Override
    public void evict(String productId, long writtenVersion) {
        redis.run("product-cache.evict", jedis -> jedis.eval(EVICT_SCRIPT, List.of(key(productId)),
                List.of(Long.toString(writtenVersion), Long.toString(TOMBSTONE_MILLIS))));
    }

    @Override
    public void evictOlderThan(String productId, long version) {
        redis.run("product-cache.evict-older", jedis -> jedis.eval(EVICT_OLDER_SCRIPT, List.of(key(productId)),
                List.of(Long.toString(version), Long.toString(TOMBSTONE_MILLIS))));
    }

    @Override
    public boolean warm(List<Product> products) {
        for (Product product : products) {
            if (!store(product)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean isWarmFor(String generation) {
        return redis.call("product-cache.warm-get", jedis -> jedis.get(WARM_KEY)).map(generation::equals).orElse(false);
    }

    @Override
    public void markWarm(String generation) {
        // No TTL: the marker goes only with the cache's data (restart, flush), which is when warming is due.
        redis.run("product-cache.warm-set", jedis -> jedis.set(WARM_KEY, generation));
    }

    private Optional<Product> read(String key) {
        return redis.call("product-cache.get", jedis -> jedis.hget(key, "j")).flatMap(ProductJson::read);
    }

    private boolean pause() {
        try {
            Thread.sleep(pollInterval.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** TTL of an entry: {@value #TTL_SECONDS} s ± 10 %. */
    static long ttlMillis() {
        long base = TTL_SECONDS * 1000;
        long jitter = base / 10;
        return base - jitter + Jitter.nextLong(2 * jitter + 1);
    }

    static String key(String productId) {
        return "product:v1:{" + productId + "}";
    }

    static String lockKey(String productId) {
        return key(productId) + ":lock";
    }
}
