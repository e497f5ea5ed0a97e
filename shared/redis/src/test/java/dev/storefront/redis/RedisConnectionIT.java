package dev.storefront.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/**
 * Against a real redis-server that is restarted between "checkpoint" and "restore": the pooled connections of
 * the client die with it, as the sockets of a SnapStart snapshot do. CRaC cannot checkpoint a normal JDK, so the
 * hooks are called directly.
 */
class RedisConnectionIT {

    private static final Duration COOL_DOWN = Duration.ofSeconds(30);

    private EmbeddedRedis server;
    private LazyRedisClient client;
    private AtomicInteger builds;

    @BeforeEach
    void start() {
        server = new EmbeddedRedis();
        builds = new AtomicInteger();
        RedisSettings settings = RedisSettings.of(server.url(), false);
        client = new LazyRedisClient(() -> {
            builds.incrementAndGet();
            return RedisClientFactory.create(settings);
        });
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void reopenAfterRestore_shouldGiveTheFirstCommandAFreshConnection_whenTheOldOnesDied() {
        // given: a function that used Redis during init (priming), then closed it for the snapshot
        ResilientRedis redis = new ResilientRedis(client, COOL_DOWN, System::nanoTime);
        RedisConnection connection = new RedisConnection(client, redis);
        assertThat(redis.call("prime", UnifiedJedis::ping)).contains("PONG");
        connection.closeForSnapshot();

        // when: the server the snapshot knew is gone and back (the restored environment has no sockets of it)
        server.stop();
        server.start();
        boolean open = connection.reopenAfterRestore();

        // then: a connection was opened during the restore and the first command works
        assertThat(open).isTrue();
        assertThat(builds).hasValue(2);
        assertThat(redis.call("first request", jedis -> jedis.set("k", "v"))).contains("OK");
        assertThat(redis.isAvailable()).isTrue();
    }

    @Test
    void firstCommand_shouldBeLost_whenTheSnapshotsConnectionsAreReused() {
        // given: the same, without the hooks: the pool keeps the connection opened before the "snapshot"
        ResilientRedis redis = new ResilientRedis(client, COOL_DOWN, System::nanoTime);
        assertThat(redis.call("prime", UnifiedJedis::ping)).contains("PONG");

        // when
        server.stop();
        server.start();

        // then: the first command meets the dead socket, and the breaker then skips Redis for the cool-down
        assertThat(redis.call("first request", jedis -> jedis.set("k", "v"))).isEmpty();
        assertThat(redis.isAvailable()).isFalse();
        assertThat(redis.call("second request", jedis -> jedis.get("k"))).isEmpty();
    }

    @Test
    void reopenAfterRestore_shouldForgetFailuresSeenBeforeTheSnapshot() {
        // given: Redis was down while the function initialised, so the breaker is open for a long cool-down
        ResilientRedis redis = new ResilientRedis(client, COOL_DOWN, System::nanoTime);
        RedisConnection connection = new RedisConnection(client, redis);
        server.stop();
        assertThat(redis.call("prime", UnifiedJedis::ping)).isEmpty();
        assertThat(redis.isAvailable()).isFalse();
        connection.closeForSnapshot();

        // when: restored where Redis is up
        server.start();
        connection.reopenAfterRestore();

        // then
        assertThat(redis.isAvailable()).isTrue();
        assertThat(redis.call("first request", UnifiedJedis::ping)).contains("PONG");
    }

    @Test
    void reopenAfterRestore_shouldNotConnect_whenRedisWasNeverUsed() {
        // given: a function that never touched Redis before the snapshot
        RedisConnection connection = new RedisConnection(client);
        connection.closeForSnapshot();

        // when
        boolean open = connection.reopenAfterRestore();

        // then
        assertThat(open).isFalse();
        assertThat(builds).hasValue(0);
    }
}
