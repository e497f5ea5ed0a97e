package dev.storefront.redis;

import java.util.Objects;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Holds one Jedis client that is built on first use rather than at construction, so a JVM can start
 * while Redis is unreachable. If building fails (a cluster client reads the topology when built), the
 * exception goes to the caller and the next {@link #get()} tries again; {@link ResilientRedis} turns that
 * into a degraded answer and spaces the retries.
 *
 * <p>For SnapStart: call {@link #prime()} in {@code beforeCheckpoint} and {@link #reset()} in
 * {@code afterRestore} (sockets do not survive a snapshot). Thread-safe.
 */
public final class LazyRedisClient implements Supplier<UnifiedJedis>, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LazyRedisClient.class);

    private final Supplier<? extends UnifiedJedis> builder;
    private volatile UnifiedJedis client;
    private boolean closed;

    /** A holder that calls {@code builder} on first use; see {@link RedisClientFactory#lazy}. */
    public LazyRedisClient(Supplier<? extends UnifiedJedis> builder) {
        this.builder = Objects.requireNonNull(builder, "builder");
    }

    /**
     * The client, built now if needed.
     *
     * @throws JedisException when it cannot be built (e.g. cluster topology unreachable)
     * @throws IllegalStateException after {@link #close()}
     */
    @Override
    public UnifiedJedis get() {
        UnifiedJedis current = client;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("Redis client is closed");
            }
            if (client == null) {
                client = builder.get();
            }
            return client;
        }
    }

    /** Builds the client and opens a connection with a PING; returns false (and logs) when Redis is down. */
    public boolean prime() {
        try {
            get().ping();
            return true;
        } catch (JedisException e) {
            LOG.warn("Redis not reachable while priming ({})", e.getClass().getName());
            return false;
        }
    }

    /**
     * Closes the current client (if any) with its connections; the next {@link #get()} builds a new one.
     *
     * @return whether there was a client to close
     */
    public boolean reset() {
        UnifiedJedis old;
        synchronized (this) {
            old = client;
            client = null;
        }
        closeQuietly(old);
        return old != null;
    }

    @Override
    public void close() {
        UnifiedJedis old;
        synchronized (this) {
            closed = true;
            old = client;
            client = null;
        }
        closeQuietly(old);
    }

    private static void closeQuietly(UnifiedJedis jedis) {
        if (jedis == null) {
            return;
        }
        try {
            jedis.close();
        } catch (RuntimeException e) {
            LOG.debug("Ignoring error while closing the Redis client ({})", e.getClass().getName());
        }
    }
}
