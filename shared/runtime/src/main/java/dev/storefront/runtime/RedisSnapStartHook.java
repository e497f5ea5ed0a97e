package dev.storefront.runtime;

import dev.storefront.platform.snapstart.SnapStartHook;
import dev.storefront.redis.RedisConnection;
import dev.storefront.redis.ResilientRedis;
import java.util.Objects;

/**
 * The function's Redis around a SnapStart snapshot: its connections are closed before the checkpoint (no socket
 * in the snapshot) and opened again after the restore, with a circuit breaker that forgets what the snapshot knew
 * (see {@link RedisConnection}). It exists - and so runs - only in functions that use Redis: the
 * {@link ResilientRedis} bean is made from it.
 */
public final class RedisSnapStartHook implements SnapStartHook {

    private final RedisConnection connection;

    RedisSnapStartHook(RedisConnection connection) {
        this.connection = Objects.requireNonNull(connection, "connection");
    }

    ResilientRedis redis() {
        return connection.redis();
    }

    @Override
    public void beforeCheckpoint() {
        connection.closeForSnapshot();
    }

    @Override
    public void afterRestore() {
        connection.reopenAfterRestore();
    }
}
