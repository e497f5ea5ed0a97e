package dev.storefront.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.storefront.domain.ReservedKeys;
import dev.storefront.domain.account.LoginThrottle;
import redis.clients.jedis.RedisClient;

/** Against a real redis-server. */
class RedisLoginThrottleIT {

    private static final String EMAIL = "shopper@example.com";

    private static EmbeddedRedis server;
    private static LazyRedisClient client;
    private static RedisClient inspector;

    private ResilientRedis redis;

    @BeforeAll
    static void startRedis() {
        server = new EmbeddedRedis();
        client = RedisClientFactory.lazy(RedisSettings.of(server.url(), false));
        inspector = RedisClient.create("127.0.0.1", server.port());
    }

    @AfterAll
    static void stopRedis() {
        inspector.close();
        client.close();
        server.close();
    }

    @BeforeEach
    void setUp() {
        inspector.flushAll();
        redis = new ResilientRedis(client);
    }

    @AfterEach
    void checkBreaker() {
        assertThat(redis.isAvailable()).as("no Redis error expected").isTrue();
    }

    @Test
    void lockedFor_shouldBeZero_whenThereWereNoFailures() {
        assertThat(new RedisLoginThrottle(redis).lockedFor(EMAIL)).isZero();
    }

    @Test
    void lockedFor_shouldStayZero_belowMaxFailures() {
        // given
        RedisLoginThrottle throttle = new RedisLoginThrottle(redis);

        // when
        for (int i = 1; i < LoginThrottle.MAX_FAILURES; i++) {
            throttle.recordFailure(EMAIL);
        }

        // then
        assertThat(throttle.lockedFor(EMAIL)).isZero();
    }

    @Test
    void lockedFor_shouldBeTheRemainingWindow_afterMaxFailures() {
        // given
        RedisLoginThrottle throttle = new RedisLoginThrottle(redis);

        // when
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            throttle.recordFailure(EMAIL);
        }

        // then: whole seconds, rounded up, within the 15-minute window
        Duration locked = throttle.lockedFor(EMAIL);
        assertThat(locked).isBetween(LoginThrottle.WINDOW.minusSeconds(5), LoginThrottle.WINDOW);
        assertThat(locked.getNano()).isZero();
        assertThat(throttle.lockedFor("other@example.com")).isZero();
    }

    @Test
    void recordFailure_shouldStoreOnlyAHashedKey_withTheWindowAsTtl() {
        // given
        RedisLoginThrottle throttle = new RedisLoginThrottle(redis);

        // when
        throttle.recordFailure(EMAIL);
        throttle.recordFailure(EMAIL);

        // then
        Set<String> keys = inspector.keys("*");
        assertThat(keys).singleElement().asString().matches("login:fail:[0-9a-f]{64}").doesNotContain("shopper");
        String key = keys.iterator().next();
        assertThat(inspector.get(key)).isEqualTo("2");
        assertThat(inspector.pttl(key)).isBetween(LoginThrottle.WINDOW.toMillis() - 5_000, LoginThrottle.WINDOW.toMillis());
    }

    @Test
    void recordFailure_shouldKeepTheReservedEmail_forSecondsOnly() {
        // given: the identifier SnapStart priming logs in with (no account can have it)
        RedisLoginThrottle throttle = new RedisLoginThrottle(redis);

        // when
        throttle.recordFailure(ReservedKeys.ABSENT_EMAIL);

        // then
        String key = RedisLoginThrottle.key(ReservedKeys.ABSENT_EMAIL);
        assertThat(inspector.pttl(key)).isPositive()
                .isLessThanOrEqualTo(RedisLoginThrottle.RESERVED_WINDOW.toMillis());
        throttle.recordFailure(EMAIL);
        assertThat(inspector.pttl(RedisLoginThrottle.key(EMAIL))).isGreaterThan(LoginThrottle.WINDOW.toMillis() - 5_000);
    }

    @Test
    void recordFailure_shouldNotExtendTheWindow_onLaterFailures() {
        // given
        RedisLoginThrottle throttle = new RedisLoginThrottle(redis);
        throttle.recordFailure(EMAIL);
        String key = RedisLoginThrottle.key(EMAIL);
        inspector.pexpire(key, 60_000);

        // when
        throttle.recordFailure(EMAIL);

        // then
        assertThat(inspector.pttl(key)).isLessThanOrEqualTo(60_000);
    }

    @Test
    void recordFailure_shouldRestoreATtl_whenACounterHasNone() {
        // given: a counter left without TTL (e.g. written by hand)
        String key = RedisLoginThrottle.key(EMAIL);
        inspector.set(key, "3");

        // when
        new RedisLoginThrottle(redis).recordFailure(EMAIL);

        // then
        assertThat(inspector.get(key)).isEqualTo("4");
        assertThat(inspector.pttl(key)).isPositive();
    }

    @Test
    void lockedFor_shouldEnd_whenTheWindowExpires() {
        // given
        RedisLoginThrottle throttle = new RedisLoginThrottle(redis, Duration.ofMillis(700));
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            throttle.recordFailure(EMAIL);
        }

        // when
        Duration locked = throttle.lockedFor(EMAIL);

        // then: under a second left is reported as one second, and the lock lifts on its own
        assertThat(locked).isEqualTo(Duration.ofSeconds(1));
        // Wait on the key itself: lockedFor also answers zero when a slow command trips the breaker.
        awaitTrue(() -> !inspector.exists(RedisLoginThrottle.key(EMAIL)), Duration.ofSeconds(5));
        assertThat(throttle.lockedFor(EMAIL)).isZero();
    }

    @Test
    void reset_shouldForgetTheFailures() {
        // given
        RedisLoginThrottle throttle = new RedisLoginThrottle(redis);
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            throttle.recordFailure(EMAIL);
        }

        // when
        throttle.reset(EMAIL);

        // then
        assertThat(throttle.lockedFor(EMAIL)).isZero();
        assertThat(inspector.exists(RedisLoginThrottle.key(EMAIL))).isFalse();
    }

    static void awaitTrue(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - deadline).as("condition not met within " + timeout).isNegative();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
