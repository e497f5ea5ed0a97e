package dev.storefront.redis;

import dev.storefront.domain.catalog.ProductViews;
import java.util.List;
import java.util.Objects;

/**
 * {@link ProductViews} as a Redis sorted set {@code product:views} (member: product id, score: views). It has
 * no TTL, so eviction limited to volatile keys leaves it alone; {@link #keepTop} bounds its size.
 */
public final class RedisProductViews implements ProductViews {

    static final String KEY = "product:views";

    private final ResilientRedis redis;

    public RedisProductViews(ResilientRedis redis) {
        this.redis = Objects.requireNonNull(redis, "redis");
    }

    @Override
    public void record(String productId) {
        redis.run("product-views.record", jedis -> jedis.zincrby(KEY, 1, productId));
    }

    @Override
    public List<String> mostViewed(int limit) {
        return redis.call("product-views.top", jedis -> jedis.zrevrange(KEY, 0, limit - 1L))
                .map(List::copyOf).orElse(List.of());
    }

    @Override
    public void keepTop(int count) {
        redis.run("product-views.trim", jedis -> jedis.zremrangeByRank(KEY, 0, -(count + 1L)));
    }
}
