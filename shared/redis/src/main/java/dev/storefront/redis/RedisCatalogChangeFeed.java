package dev.storefront.redis;

import dev.storefront.domain.catalog.CatalogChangeFeed;
import dev.storefront.domain.catalog.FeedPosition;
import dev.storefront.domain.catalog.FeedRead;
import dev.storefront.domain.catalog.Product;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link CatalogChangeFeed} on a Redis stream.
 *
 * <p>Layout (one hash tag, so one cluster slot, so the scripts may touch all three keys):
 * <ul>
 *   <li>{@code {catalog}:changes} - the stream; each entry has one field {@code p}, the product JSON;</li>
 *   <li>{@code {catalog}:epoch} - a random identity given to the stream when it is created;</li>
 *   <li>{@code {catalog}:trimmed} - the id of the newest entry ever trimmed away.</li>
 * </ul>
 * None of them has a TTL, so an eviction policy limited to volatile keys (ElastiCache Serverless, and the
 * local server) never removes them. The stream keeps the newest {@link #DEFAULT_MAX_ENTRIES} entries,
 * trimmed exactly, and the trimmed marker tells a reader whose position fell off the end that it missed
 * changes. If the stream or its epoch disappears (cache restarted, flushed, or evicted under another policy),
 * the next writer gives it a new epoch and every reader of the old one sees a gap. Either way the reader
 * rebuilds from DynamoDB.
 */
public final class RedisCatalogChangeFeed implements CatalogChangeFeed {

    /** About 15 MB of product JSON: hours of heavy catalog editing. */
    public static final int DEFAULT_MAX_ENTRIES = 20_000;

    static final String STREAM = "{catalog}:changes";
    static final String EPOCH = "{catalog}:epoch";
    static final String TRIMMED = "{catalog}:trimmed";
    private static final List<String> KEYS = List.of(STREAM, EPOCH, TRIMMED);

    /**
     * Creates the stream (empty) and its epoch when there is none, or gives the stream a new epoch when it has
     * lost its own; returns {epoch, last id}.
     */
    private static final String END_SCRIPT = """
            if redis.call('EXISTS', KEYS[1]) == 0 or redis.call('EXISTS', KEYS[2]) == 0 then
              local id = redis.call('XADD', KEYS[1], '*', 'init', '1')
              redis.call('XDEL', KEYS[1], id)
              redis.call('SET', KEYS[2], ARGV[1])
              redis.call('DEL', KEYS[3])
            end
            local last = redis.call('XREVRANGE', KEYS[1], '+', '-', 'COUNT', 1)
            local id = '0-0'
            if #last > 0 then id = last[1][1] end
            return {redis.call('GET', KEYS[2]), id}""";

    /**
     * Appends ARGV[3..] (a new stream, or one without an epoch, gets a new epoch), trims to ARGV[2] entries
     * recording the trimmed id.
     */
    private static final String PUBLISH_SCRIPT = """
            if redis.call('EXISTS', KEYS[1]) == 0 or redis.call('EXISTS', KEYS[2]) == 0 then
              redis.call('SET', KEYS[2], ARGV[1])
              redis.call('DEL', KEYS[3])
            end
            for i = 3, #ARGV do
              redis.call('XADD', KEYS[1], '*', 'p', ARGV[i])
            end
            local excess = redis.call('XLEN', KEYS[1]) - tonumber(ARGV[2])
            if excess > 0 then
              local old = redis.call('XRANGE', KEYS[1], '-', '+', 'COUNT', excess)
              redis.call('SET', KEYS[3], old[#old][1])
              redis.call('XTRIM', KEYS[1], 'MAXLEN', ARGV[2])
            end
            return redis.call('GET', KEYS[2])""";

    /** {0} when the epoch is not ARGV[1]; else {1, trimmed id, entries after ARGV[2] (at most ARGV[3])}. */
    private static final String READ_SCRIPT = """
            local epoch = redis.call('GET', KEYS[2])
            if epoch ~= ARGV[1] or redis.call('EXISTS', KEYS[1]) == 0 then return {0} end
            local trimmed = redis.call('GET', KEYS[3]) or '0-0'
            return {1, trimmed, redis.call('XRANGE', KEYS[1], '(' .. ARGV[2], '+', 'COUNT', ARGV[3])}""";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ResilientRedis redis;
    private final int maxEntries;

    public RedisCatalogChangeFeed(ResilientRedis redis) {
        this(redis, DEFAULT_MAX_ENTRIES);
    }

    public RedisCatalogChangeFeed(ResilientRedis redis, int maxEntries) {
        this.redis = Objects.requireNonNull(redis, "redis");
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive");
        }
        this.maxEntries = maxEntries;
    }

    @Override
    public Optional<FeedPosition> end() {
        return redis.call("catalog-feed.end", jedis -> jedis.eval(END_SCRIPT, KEYS, List.of(newEpoch())))
                .map(reply -> {
                    List<?> values = (List<?>) reply;
                    return new FeedPosition(text(values.get(0)), text(values.get(1)));
                });
    }

    @Override
    public Optional<FeedRead> readAfter(FeedPosition position, int max) {
        Objects.requireNonNull(position, "position");
        if (max < 1) {
            throw new IllegalArgumentException("max must be positive");
        }
        return redis.call("catalog-feed.read", jedis -> jedis.eval(READ_SCRIPT, KEYS,
                List.of(position.epoch(), position.entry(), Integer.toString(max))))
                .map(reply -> toRead(position, max, (List<?>) reply));
    }

    private static FeedRead toRead(FeedPosition position, int max, List<?> reply) {
        if (((Number) reply.get(0)).longValue() == 0 || compareIds(text(reply.get(1)), position.entry()) > 0) {
            return FeedRead.gapAt(position);
        }
        List<?> entries = (List<?>) reply.get(2);
        List<Product> changes = new ArrayList<>(entries.size());
        String last = position.entry();
        for (Object entry : entries) {
            List<?> idAndFields = (List<?>) entry;
            last = text(idAndFields.get(0));
            List<?> fields = (List<?>) idAndFields.get(1);
            for (int i = 0; i + 1 < fields.size(); i += 2) {
                if ("p".equals(text(fields.get(i)))) {
                    // An entry that cannot be read is skipped; the periodic full rebuild repairs what it carried.
                    ProductJson.read(text(fields.get(i + 1))).ifPresent(changes::add);
                }
            }
        }
        return new FeedRead(false, changes, new FeedPosition(position.epoch(), last), entries.size() == max);
    }

    @Override
    public void publish(List<Product> changes) {
        if (changes.isEmpty()) {
            return;
        }
        List<String> args = new ArrayList<>(changes.size() + 2);
        args.add(newEpoch());
        args.add(Integer.toString(maxEntries));
        changes.forEach(product -> args.add(ProductJson.write(product)));
        if (redis.call("catalog-feed.publish", jedis -> jedis.eval(PUBLISH_SCRIPT, KEYS, args)).isEmpty()) {
            throw new FeedUnavailableException("the catalog change feed (Redis) is unavailable");
        }
    }

    /** Orders stream ids {@code <millis>-<sequence>}. */
    static int compareIds(String a, String b) {
        int dashA = a.indexOf('-');
        int dashB = b.indexOf('-');
        int byMillis = Long.compare(Long.parseLong(a.substring(0, dashA)), Long.parseLong(b.substring(0, dashB)));
        return byMillis != 0 ? byMillis
                : Long.compare(Long.parseLong(a.substring(dashA + 1)), Long.parseLong(b.substring(dashB + 1)));
    }

    private static String newEpoch() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String text(Object value) {
        return value instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
                : String.valueOf(value);
    }
}
