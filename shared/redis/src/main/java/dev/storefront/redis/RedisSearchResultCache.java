package dev.storefront.redis;

import dev.storefront.domain.catalog.SearchResultCache;
import java.util.Objects;
import java.util.Optional;
import redis.clients.jedis.params.SetParams;

/**
 * {@link SearchResultCache} on Redis: {@code search:v1:<key>} strings kept {@value #DEFAULT_TTL_SECONDS} s ± 10 %
 * by default.
 * Keys name the catalog state the answer was computed from, so a catalog change simply moves readers to new
 * keys and the old ones expire (or are evicted first: least recently used, and every entry has a TTL).
 */
public final class RedisSearchResultCache implements SearchResultCache {

    public static final long DEFAULT_TTL_SECONDS = 60;

    private final ResilientRedis redis;
    private final long ttlMillis;

    public RedisSearchResultCache(ResilientRedis redis) {
        this(redis, DEFAULT_TTL_SECONDS);
    }

    /** @param ttlSeconds lifetime of an entry, before jitter; positive */
    public RedisSearchResultCache(ResilientRedis redis, long ttlSeconds) {
        this.redis = Objects.requireNonNull(redis, "redis");
        if (ttlSeconds <= 0) {
            throw new IllegalArgumentException("ttlSeconds must be positive");
        }
        this.ttlMillis = ttlSeconds * 1000;
    }

    @Override
    public Optional<String> get(String key) {
        return redis.call("search-cache.get", jedis -> jedis.get(redisKey(key)));
    }

    @Override
    public void put(String key, String renderedAnswer) {
        redis.run("search-cache.put", jedis -> jedis.set(redisKey(key), renderedAnswer,
                SetParams.setParams().px(ttlMillis())));
    }

    static String redisKey(String key) {
        return "search:v1:" + key;
    }

    long ttlMillis() {
        long base = ttlMillis;
        long jitter = base / 10;
        return base - jitter + Jitter.nextLong(2 * jitter + 1);
    }
}
