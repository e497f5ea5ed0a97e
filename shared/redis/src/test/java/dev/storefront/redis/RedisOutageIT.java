package dev.storefront.redis;

import static dev.storefront.redis.RedisLoginThrottleIT.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.storefront.domain.account.LoginThrottle;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

/** Redis going away and coming back, with a real redis-server and real timeouts. */
class RedisOutageIT {

    private static final String EMAIL = "shopper@example.com";
    private static final Duration COOL_DOWN = Duration.ofMillis(200);

    private EmbeddedRedis server;
    private LazyRedisClient client;

    @AfterEach
    void tearDown() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void throttle_shouldDegradeQuickly_whenRedisStops_andRecover_whenItRestarts() {
        // given: a working throttle
        server = new EmbeddedRedis();
        client = RedisClientFactory.lazy(RedisSettings.of(server.url(), false));
        ResilientRedis redis = new ResilientRedis(client, COOL_DOWN, System::nanoTime);
        RedisLoginThrottle throttle = new RedisLoginThrottle(redis);
        lockOut(throttle);
        assertThat(throttle.lockedFor(EMAIL)).isPositive();

        // when: Redis stops
        server.stop();
        long start = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            throttle.recordFailure(EMAIL);
            assertThat(throttle.lockedFor(EMAIL)).isZero();
            throttle.reset(EMAIL);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        // then: 300 degraded calls cost about one failed attempt per cool-down, not one each
        assertThat(redis.isAvailable()).isFalse();
        assertThat(elapsed).isLessThan(Duration.ofSeconds(3));

        // when: Redis restarts on the same port
        server.start();

        // then: the breaker closes by itself and the throttle works again
        awaitTrue(() -> redis.call("probe", UnifiedJedis::ping).isPresent(), Duration.ofSeconds(10));
        assertThat(redis.isAvailable()).isTrue();
        lockOut(throttle);
        assertThat(throttle.lockedFor(EMAIL)).isPositive();
    }

    @Test
    void lazyClient_shouldBeCreated_andDegrade_whenRedisIsDownFromTheStart() {
        // given: nothing listens on the port
        server = new EmbeddedRedis();
        server.stop();

        // when
        client = RedisClientFactory.lazy(RedisSettings.of(server.url(), false));
        RedisLoginThrottle throttle = new RedisLoginThrottle(new ResilientRedis(client, COOL_DOWN, System::nanoTime));

        // then
        assertThat(throttle.lockedFor(EMAIL)).isZero();
        assertThat(client.prime()).isFalse();
    }

    @Test
    void standaloneClient_shouldBeCreatedWithoutConnecting() {
        // given
        server = new EmbeddedRedis();
        server.stop();

        // when / then: no exception at creation, only at use
        try (UnifiedJedis jedis = RedisClientFactory.create(RedisSettings.of(server.url(), false))) {
            assertThatThrownBy(jedis::ping).isInstanceOf(JedisException.class);
        }
    }

    @Test
    void clusterClient_shouldDegrade_whileTheClusterIsUnreachable_andConnect_whenItIsUp() {
        // given: a one-node cluster that is down at first
        server = new EmbeddedRedis(true);
        server.stop();
        RedisSettings settings = RedisSettings.of(server.url(), true);
        client = RedisClientFactory.lazy(settings);
        ResilientRedis redis = new ResilientRedis(client, COOL_DOWN, System::nanoTime);
        RedisLoginThrottle throttle = new RedisLoginThrottle(redis);

        // when
        Duration locked = throttle.lockedFor(EMAIL);

        // then
        assertThat(locked).isZero();
        assertThat(redis.isAvailable()).isFalse();
        assertThatThrownBy(() -> RedisClientFactory.create(settings)).isInstanceOf(JedisException.class);

        // when: the cluster comes up and owns every slot
        server.start();
        assignAllSlots(server.port());

        // then
        awaitTrue(() -> redis.call("probe", jedis -> jedis.set("probe", "1")).isPresent(), Duration.ofSeconds(10));
        lockOut(throttle);
        assertThat(throttle.lockedFor(EMAIL)).isPositive();
        assertThat(client.get()).isInstanceOf(redis.clients.jedis.RedisClusterClient.class);
    }

    private static void lockOut(RedisLoginThrottle throttle) {
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            throttle.recordFailure(EMAIL);
        }
    }

    private static void assignAllSlots(int port) {
        int[] slots = new int[16384];
        String[] args = new String[slots.length + 1];
        args[0] = "ADDSLOTS";
        for (int i = 0; i < slots.length; i++) {
            args[i + 1] = Integer.toString(i);
        }
        try (redis.clients.jedis.Jedis admin = new redis.clients.jedis.Jedis("127.0.0.1", port)) {
            admin.sendCommand(redis.clients.jedis.Protocol.Command.CLUSTER, args);
            awaitTrue(() -> admin.clusterInfo().contains("cluster_state:ok"), Duration.ofSeconds(10));
        }
    }
}
