package dev.storefront.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storefront.domain.Money;
import dev.storefront.domain.catalog.FeedPosition;
import dev.storefront.domain.catalog.FeedRead;
import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.catalog.ProductStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/**
 * A full cache with the eviction policy of ElastiCache Serverless (and the local server): search answers,
 * which all have a TTL, make room for new ones; the change feed, which has none, is never evicted.
 */
class CacheEvictionIT {

    private static final Instant CREATED = Instant.parse("2026-11-22T10:15:30Z");
    private static final int ANSWER_BYTES = 10 * 1024;
    /** About 6 MB of answers into a 2 MB cache. */
    private static final int ANSWERS = 600;

    private EmbeddedRedis server;
    private LazyRedisClient client;
    private RedisClient inspector;

    @BeforeEach
    void start() {
        server = EmbeddedRedis.withSettings("maxmemory 2mb", "maxmemory-policy volatile-lru");
        client = RedisClientFactory.lazy(RedisSettings.of(server.url(), false));
        inspector = RedisClient.create("127.0.0.1", server.port());
    }

    @AfterEach
    void stop() {
        inspector.close();
        client.close();
        server.close();
    }

    @Test
    void fullCache_shouldEvictOldSearchAnswers_andKeepEveryFeedEntry() {
        // given: the server runs with the limit and policy under test, and the feed holds a few changes
        assertThat(inspector.configGet("maxmemory")).containsEntry("maxmemory", String.valueOf(2 * 1024 * 1024));
        assertThat(inspector.configGet("maxmemory-policy")).containsEntry("maxmemory-policy", "volatile-lru");
        ResilientRedis redis = new ResilientRedis(client, Duration.ofMillis(200), System::nanoTime);
        RedisCatalogChangeFeed feed = new RedisCatalogChangeFeed(redis);
        RedisSearchResultCache answers = new RedisSearchResultCache(redis);
        FeedPosition start = feed.end().orElseThrow();
        List<Product> changes = IntStream.rangeClosed(1, 20).mapToObj(CacheEvictionIT::product).toList();
        feed.publish(changes);

        // when: three times the memory limit of answers
        String answer = "x".repeat(ANSWER_BYTES);
        for (int i = 0; i < ANSWERS; i++) {
            answers.put(key(i), answer);
        }

        // then: Redis evicted, refused no write for lack of memory, and the breaker never opened
        assertThat(stat("evicted_keys")).isPositive();
        assertThat(inspector.info("errorstats")).doesNotContain("errorstat_OOM");
        assertThat(redis.isAvailable()).isTrue();
        assertThat(answers.get(key(ANSWERS - 1))).as("the newest answer").contains(answer);
        // Redis's LRU is approximate (it samples keys), so a few early answers may outlive later ones.
        assertThat(cached(0, 100)).as("answers among the first 100 still cached").isLessThanOrEqualTo(15);
        assertThat(cached(ANSWERS - 50, ANSWERS)).as("answers among the last 50 still cached").isGreaterThanOrEqualTo(25);
        assertThat(inspector.dbSize()).isLessThan(ANSWERS / 4);

        // then: the feed lost nothing
        FeedRead read = feed.readAfter(start, 100).orElseThrow();
        assertThat(read.gap()).isFalse();
        assertThat(read.changes()).containsExactlyElementsOf(changes);
        assertThat(feed.end()).hasValueSatisfying(end -> assertThat(end.epoch()).isEqualTo(start.epoch()));
    }

    private long cached(int from, int to) {
        return IntStream.range(from, to).filter(i -> inspector.exists(RedisSearchResultCache.redisKey(key(i)))).count();
    }

    private static String key(int i) {
        return "epoch/1-0:query-" + i;
    }

    private long stat(String name) {
        Matcher matcher = Pattern.compile("(?m)^" + name + ":(\\d+)").matcher(inspector.info("stats"));
        assertThat(matcher.find()).as("INFO stats has " + name).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    private static Product product(int i) {
        return new Product("P-" + i, "SKU-" + i, "Desk lamp " + i, "Bright.", "Lighting", "Lumen",
                Money.of(1_999, "USD"), 12, 850, List.of("https://img.example/" + i + ".jpg"), Map.of("colour", "red"),
                ProductStatus.ACTIVE, CREATED, CREATED, 1);
    }
}
