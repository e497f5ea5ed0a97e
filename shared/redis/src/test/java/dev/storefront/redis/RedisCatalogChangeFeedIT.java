package dev.storefront.redis;

import static dev.storefront.redis.RedisLoginThrottleIT.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storefront.domain.Money;
import dev.storefront.domain.catalog.CatalogChangeFeed;
import dev.storefront.domain.catalog.FeedPosition;
import dev.storefront.domain.catalog.FeedRead;
import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.catalog.ProductStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;

/** The catalog change feed on a real redis-server: order, paging, gaps (trim, flush), an outage, and TTLs. */
class RedisCatalogChangeFeedIT {

    private static final Instant CREATED = Instant.parse("2026-11-22T10:15:30.123456Z");

    private EmbeddedRedis server;
    private LazyRedisClient client;
    private ResilientRedis redis;
    private RedisCatalogChangeFeed feed;
    private RedisClient inspector;

    @BeforeEach
    void start() {
        server = new EmbeddedRedis();
        client = RedisClientFactory.lazy(RedisSettings.of(server.url(), false));
        redis = new ResilientRedis(client, Duration.ofMillis(200), System::nanoTime);
        feed = new RedisCatalogChangeFeed(redis);
        inspector = RedisClient.create("127.0.0.1", server.port());
    }

    @AfterEach
    void stop() {
        inspector.close();
        client.close();
        server.close();
    }

    @Test
    void end_shouldCreateTheFeed_onAnEmptyRedis() {
        // given: nothing in Redis
        assertThat(inspector.exists(RedisCatalogChangeFeed.STREAM)).isFalse();

        // when
        FeedPosition end = feed.end().orElseThrow();

        // then
        assertThat(end.epoch()).isNotBlank().isNotEqualTo("null");
        assertThat(end.entry()).isEqualTo("0-0");
        assertThat(inspector.exists(RedisCatalogChangeFeed.STREAM)).isTrue();
        assertThat(inspector.xlen(RedisCatalogChangeFeed.STREAM)).isZero();
        assertThat(inspector.get(RedisCatalogChangeFeed.EPOCH)).isEqualTo(end.epoch());
        assertThat(feed.end()).as("a second call keeps the epoch").contains(end);
    }

    @Test
    void publish_thenReadAfter_shouldReturnTheProductsInOrder_withEqualFields() {
        // given
        FeedPosition start = feed.end().orElseThrow();
        Product first = product("P-1", 1);
        Product second = new Product("P-2", "SKU-2", "Crème brûlée torch «Pro»", "", "Kitchen", "Flambé",
                Money.of(2_500, "EUR"), 0, 300, List.of(), Map.of(), ProductStatus.ARCHIVED, CREATED,
                CREATED.plusSeconds(90), 7);
        Product firstAgain = product("P-1", 2);

        // when
        feed.publish(List.of(first, second));
        feed.publish(List.of(firstAgain));
        FeedRead read = feed.readAfter(start, 100).orElseThrow();

        // then
        assertThat(read.gap()).isFalse();
        assertThat(read.changes()).containsExactly(first, second, firstAgain);
        assertThat(read.more()).isFalse();
        assertThat(read.next().epoch()).isEqualTo(start.epoch());
        assertThat(RedisCatalogChangeFeed.compareIds(read.next().entry(), start.entry())).isPositive();
        assertThat(feed.end()).contains(read.next());
    }

    @Test
    void readAfter_shouldPage_whenMaxIsSmallerThanTheBacklog() {
        // given
        FeedPosition start = feed.end().orElseThrow();
        List<Product> published = IntStream.rangeClosed(1, 7).mapToObj(i -> product("P-" + i, 1)).toList();
        feed.publish(published);

        // when
        FeedRead page1 = feed.readAfter(start, 3).orElseThrow();
        FeedRead page2 = feed.readAfter(page1.next(), 3).orElseThrow();
        FeedRead page3 = feed.readAfter(page2.next(), 3).orElseThrow();

        // then
        assertThat(page1.changes()).containsExactlyElementsOf(published.subList(0, 3));
        assertThat(page1.more()).isTrue();
        assertThat(page2.changes()).containsExactlyElementsOf(published.subList(3, 6));
        assertThat(page2.more()).isTrue();
        assertThat(page3.changes()).containsExactlyElementsOf(published.subList(6, 7));
        assertThat(page3.more()).isFalse();
        assertThat(List.of(page1.gap(), page2.gap(), page3.gap())).containsOnly(false);
    }

    @Test
    void readAfter_shouldReturnNothing_fromTheEnd() {
        // given
        feed.end().orElseThrow();
        feed.publish(List.of(product("P-1", 1), product("P-2", 1)));
        FeedPosition end = feed.end().orElseThrow();

        // when
        FeedRead read = feed.readAfter(end, 100).orElseThrow();

        // then
        assertThat(read.gap()).isFalse();
        assertThat(read.changes()).isEmpty();
        assertThat(read.next()).isEqualTo(end);
        assertThat(read.more()).isFalse();
    }

    @Test
    void readAfter_shouldReportAGap_toAReaderWhosePositionWasTrimmedAway_only() {
        // given: a feed of five entries; a reader at the start and one after the sixth change
        RedisCatalogChangeFeed small = new RedisCatalogChangeFeed(redis, 5);
        FeedPosition start = small.end().orElseThrow();
        for (int i = 1; i <= 6; i++) {
            small.publish(List.of(product("P-" + i, 1)));
        }
        FeedPosition afterSix = small.end().orElseThrow();

        // when: four more: entries 1-5 are gone
        for (int i = 7; i <= 10; i++) {
            small.publish(List.of(product("P-" + i, 1)));
        }
        FeedRead behind = small.readAfter(start, 100).orElseThrow();
        FeedRead inside = small.readAfter(afterSix, 100).orElseThrow();

        // then
        assertThat(inspector.xlen(RedisCatalogChangeFeed.STREAM)).isEqualTo(5);
        assertThat(behind.gap()).isTrue();
        assertThat(behind.changes()).isEmpty();
        assertThat(behind.next()).isEqualTo(start);
        assertThat(inside.gap()).isFalse();
        assertThat(inside.changes()).extracting(Product::productId).containsExactly("P-7", "P-8", "P-9", "P-10");
    }

    @Test
    void readAfter_shouldNotReportAGap_toAReaderAtTheNewestTrimmedEntry() {
        // given: a reader that read entry 1 of a five-entry feed
        RedisCatalogChangeFeed small = new RedisCatalogChangeFeed(redis, 5);
        FeedPosition start = small.end().orElseThrow();
        small.publish(List.of(product("P-1", 1)));
        FeedPosition afterOne = small.readAfter(start, 100).orElseThrow().next();

        // when: five more trim exactly entry 1 away
        for (int i = 2; i <= 6; i++) {
            small.publish(List.of(product("P-" + i, 1)));
        }
        FeedRead read = small.readAfter(afterOne, 100).orElseThrow();

        // then
        assertThat(inspector.get(RedisCatalogChangeFeed.TRIMMED)).isEqualTo(afterOne.entry());
        assertThat(read.gap()).isFalse();
        assertThat(read.changes()).extracting(Product::productId).containsExactly("P-2", "P-3", "P-4", "P-5", "P-6");
    }

    @Test
    void readAfter_shouldReportAGap_afterAFlush_beforeAndAfterTheNextPublish() {
        // given: a reader of the first epoch
        FeedPosition start = feed.end().orElseThrow();
        feed.publish(List.of(product("P-1", 1)));
        FeedPosition reader = feed.readAfter(start, 100).orElseThrow().next();

        // when: the cache loses everything (restart, flush)
        inspector.flushAll();
        FeedRead beforePublish = feed.readAfter(reader, 100).orElseThrow();
        feed.publish(List.of(product("P-2", 1)));
        FeedRead afterPublish = feed.readAfter(reader, 100).orElseThrow();

        // then
        assertThat(beforePublish.gap()).isTrue();
        assertThat(afterPublish.gap()).isTrue();
        assertThat(afterPublish.changes()).isEmpty();
        FeedPosition newEnd = feed.end().orElseThrow();
        assertThat(newEnd.epoch()).isNotEqualTo(start.epoch());
    }

    @Test
    void readAfter_shouldReportAGap_whenTheEpochDiffers_evenIfTheEntryStillExists() {
        // given: a position of another feed whose entry id exists in this one
        feed.end().orElseThrow();
        feed.publish(List.of(product("P-1", 1)));
        FeedPosition end = feed.end().orElseThrow();

        // when
        FeedRead read = feed.readAfter(new FeedPosition("another-epoch", "0-0"), 100).orElseThrow();

        // then
        assertThat(read.gap()).isTrue();
        assertThat(feed.readAfter(new FeedPosition(end.epoch(), "0-0"), 100).orElseThrow().changes()).hasSize(1);
    }

    @Test
    void end_shouldGiveANewEpoch_whenTheEpochKeyAloneWasLost_soThatReadersCanFollowAgain() {
        // given: a reader of the first epoch; then the epoch key alone goes (evicted under an allkeys policy, deleted)
        FeedPosition start = feed.end().orElseThrow();
        feed.publish(List.of(product("P-1", 1)));
        inspector.del(RedisCatalogChangeFeed.EPOCH);

        // when: the reader sees the gap and rebuilds from the end
        FeedRead old = feed.readAfter(start, 100).orElseThrow();
        FeedPosition rebuilt = feed.end().orElseThrow();
        feed.publish(List.of(product("P-2", 1)));
        FeedRead afterRebuild = feed.readAfter(rebuilt, 100).orElseThrow();

        // then: one gap, then the feed is followed again (not a gap on every read, i.e. a rebuild on every sync)
        assertThat(old.gap()).isTrue();
        assertThat(rebuilt.epoch()).isNotEqualTo(start.epoch()).isNotEqualTo("null")
                .isEqualTo(inspector.get(RedisCatalogChangeFeed.EPOCH));
        assertThat(afterRebuild.gap()).isFalse();
        assertThat(afterRebuild.changes()).extracting(Product::productId).containsExactly("P-2");
    }

    @Test
    void publish_shouldGiveANewEpoch_whenTheEpochKeyAloneWasLost() {
        // given
        FeedPosition start = feed.end().orElseThrow();
        inspector.del(RedisCatalogChangeFeed.EPOCH);

        // when
        feed.publish(List.of(product("P-1", 1)));

        // then
        assertThat(inspector.get(RedisCatalogChangeFeed.EPOCH)).isNotNull().isNotEqualTo(start.epoch());
        assertThat(feed.readAfter(start, 100).orElseThrow().gap()).isTrue();
    }

    @Test
    void everyOperation_shouldDegrade_whileRedisIsDown_andPublishShouldThrow() {
        // given
        FeedPosition start = feed.end().orElseThrow();
        feed.publish(List.of(product("P-1", 1)));
        server.stop();

        // when / then
        assertThat(feed.end()).isEmpty();
        assertThat(feed.readAfter(start, 100)).isEmpty();
        assertThatThrownBy(() -> feed.publish(List.of(product("P-2", 1))))
                .isInstanceOf(CatalogChangeFeed.FeedUnavailableException.class);

        // when: Redis is back, empty
        server.start();
        awaitTrue(() -> redis.call("probe", UnifiedJedis::ping).isPresent(), Duration.ofSeconds(10));

        // then: the old reader learns that it missed changes
        assertThat(feed.readAfter(start, 100).orElseThrow().gap()).isTrue();
    }

    @Test
    void feedKeys_shouldHaveNoTtl() {
        // given: a feed that has trimmed (so all three keys exist)
        RedisCatalogChangeFeed small = new RedisCatalogChangeFeed(redis, 2);
        small.end().orElseThrow();
        small.publish(List.of(product("P-1", 1), product("P-2", 1), product("P-3", 1)));

        // when / then: -1 is "exists, no expiry"
        assertThat(inspector.ttl(RedisCatalogChangeFeed.STREAM)).isEqualTo(-1);
        assertThat(inspector.ttl(RedisCatalogChangeFeed.EPOCH)).isEqualTo(-1);
        assertThat(inspector.ttl(RedisCatalogChangeFeed.TRIMMED)).isEqualTo(-1);
    }

    @Test
    void searchResultCache_shouldKeepEntries_between54And66Seconds() {
        // given
        RedisSearchResultCache cache = new RedisSearchResultCache(redis);

        // when
        for (int i = 0; i < 50; i++) {
            cache.put("state/" + i, "{\"items\":[]}");
        }

        // then: TTL rounds to whole seconds, so a few milliseconds of test time do not matter
        Set<Long> millis = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            String key = RedisSearchResultCache.redisKey("state/" + i);
            assertThat(inspector.ttl(key)).isBetween(54L, 66L);
            millis.add(inspector.pttl(key));
        }
        assertThat(millis).as("jittered").hasSizeGreaterThan(1);
        assertThat(cache.get("state/0")).contains("{\"items\":[]}");
    }

    private static Product product(String id, long version) {
        List<String> images = new ArrayList<>(List.of("https://img.example/" + id + "-1.jpg",
                "https://img.example/" + id + "-2.jpg"));
        return new Product(id, "SKU-" + id, "Desk lamp " + id, "Bright, \"warm\" light.\nTwo lines.", "Lighting",
                "Lumen", Money.of(1_999, "USD"), 12, 850, images, Map.of("colour", "red", "size", "M"),
                ProductStatus.ACTIVE, CREATED, CREATED.plusMillis(version), version);
    }
}
