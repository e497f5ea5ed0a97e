package dev.storefront.redis;

import java.util.Objects;

/**
 * The Redis client of a function with what a SnapStart snapshot needs around it. Sockets do not survive a
 * snapshot: a restored environment that reused a pooled connection of the snapshot would lose its first
 * command to a reset or a timeout, and {@link ResilientRedis} would then skip Redis for a cool-down (no cache,
 * and a login throttle failing open). So the connections are closed before the checkpoint and opened again
 * after the restore, with a breaker that forgets what the snapshot knew.
 */
public final class RedisConnection {

    private final LazyRedisClient client;
    private final ResilientRedis redis;
    private volatile boolean used;

    /** A connection over this lazy client, with a {@link ResilientRedis} of the default cool-down. */
    public RedisConnection(LazyRedisClient client) {
        this(client, new ResilientRedis(client));
    }

    /** A connection over this lazy client and the wrapper that uses it. */
    public RedisConnection(LazyRedisClient client, ResilientRedis redis) {
        this.client = Objects.requireNonNull(client, "client");
        this.redis = Objects.requireNonNull(redis, "redis");
    }

    /** What every adapter runs its commands through. */
    public ResilientRedis redis() {
        return redis;
    }

    /** Before a snapshot: closes the client and its pooled connections, remembering whether it was in use. */
    public void closeForSnapshot() {
        if (client.reset()) {
            used = true;
        }
    }

    /**
     * After a restore: drops whatever the snapshot still holds, forgets earlier failures and, when the function
     * used Redis before the snapshot, opens a connection now (a PING), so that the first request finds one.
     *
     * @return whether a connection is open (false: Redis unused so far, or not reachable now)
     */
    public boolean reopenAfterRestore() {
        boolean wasOpen = client.reset();
        redis.forgetFailures();
        return (wasOpen || used) && client.prime();
    }
}
