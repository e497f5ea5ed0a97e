package dev.storefront.redis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

import dev.storefront.domain.ReservedKeys;
import dev.storefront.domain.account.LoginThrottle;

/**
 * {@link LoginThrottle} on Redis: one counter per identifier under {@code login:fail:<sha256-hex>} (the
 * email is never stored in clear), created with a TTL of the window by the first failure. Every call goes
 * through {@link ResilientRedis}, so with Redis down nothing is locked and nothing fails.
 *
 * <p>The failures of {@link ReservedKeys#ABSENT_EMAIL}, which no account can have, are forgotten after
 * {@link #RESERVED_WINDOW} instead of the window: SnapStart priming logs it in once per snapshot, and that must
 * leave nothing behind for longer than a few seconds (nor lock priming out after a few deployments).
 */
public final class RedisLoginThrottle implements LoginThrottle {

    static final String KEY_PREFIX = "login:fail:";

    /** How long failures of {@link ReservedKeys#ABSENT_EMAIL} are counted. */
    public static final Duration RESERVED_WINDOW = Duration.ofSeconds(5);

    /*
     * INCR and the TTL in one step: a crash between them cannot leave a counter that never expires. The
     * PTTL test also repairs a counter that somehow lost its TTL.
     */
    private static final String RECORD_FAILURE_SCRIPT = """
            local n = redis.call('INCR', KEYS[1])
            if n == 1 or redis.call('PTTL', KEYS[1]) == -1 then
              redis.call('PEXPIRE', KEYS[1], ARGV[1])
            end
            return n""";

    /* Count and remaining TTL in one round trip; {0, -2} when there is no counter. */
    private static final String STATUS_SCRIPT = """
            local n = redis.call('GET', KEYS[1])
            if not n then return {0, -2} end
            return {tonumber(n), redis.call('PTTL', KEYS[1])}""";

    private final ResilientRedis redis;
    private final String windowMillis;
    private final String reservedWindowMillis;

    /** A throttle with {@link LoginThrottle#WINDOW}. */
    public RedisLoginThrottle(ResilientRedis redis) {
        this(redis, WINDOW);
    }

    /** A throttle with another window (tests use a short one). */
    public RedisLoginThrottle(ResilientRedis redis, Duration window) {
        this.redis = Objects.requireNonNull(redis, "redis");
        if (window.toMillis() <= 0) {
            throw new IllegalArgumentException("window must be at least 1 ms");
        }
        this.windowMillis = Long.toString(window.toMillis());
        this.reservedWindowMillis = Long.toString(Math.min(window.toMillis(), RESERVED_WINDOW.toMillis()));
    }

    @Override
    public Duration lockedFor(String identifier) {
        String key = key(identifier);
        return redis.call("login-throttle.status", jedis -> jedis.eval(STATUS_SCRIPT, List.of(key), List.of()))
                .map(RedisLoginThrottle::lockDuration)
                .orElse(Duration.ZERO);
    }

    @Override
    public void recordFailure(String identifier) {
        String key = key(identifier);
        String window = ReservedKeys.ABSENT_EMAIL.equals(identifier) ? reservedWindowMillis : windowMillis;
        redis.run("login-throttle.record", jedis -> jedis.eval(RECORD_FAILURE_SCRIPT, List.of(key), List.of(window)));
    }

    @Override
    public void reset(String identifier) {
        String key = key(identifier);
        redis.run("login-throttle.reset", jedis -> jedis.del(key));
    }

    /** The Redis key of an identifier: prefix + lower-case hex SHA-256 of its UTF-8 bytes. */
    static String key(String identifier) {
        Objects.requireNonNull(identifier, "identifier");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identifier.getBytes(StandardCharsets.UTF_8));
            return KEY_PREFIX + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    private static Duration lockDuration(Object reply) {
        if (!(reply instanceof List<?> list) || list.size() != 2
                || !(list.get(0) instanceof Long count) || !(list.get(1) instanceof Long pttlMillis)) {
            return Duration.ZERO;
        }
        // PTTL -2: gone meanwhile; -1: no TTL (repaired by the next failure). Neither locks.
        if (count < MAX_FAILURES || pttlMillis <= 0) {
            return Duration.ZERO;
        }
        long seconds = Math.max(1, (pttlMillis + 999) / 1000);
        return Duration.ofSeconds(seconds);
    }
}
