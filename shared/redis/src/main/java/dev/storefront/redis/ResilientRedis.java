package dev.storefront.redis;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisAccessControlException;
import redis.clients.jedis.exceptions.JedisBusyException;
import redis.clients.jedis.exceptions.JedisClusterException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Runs Redis commands for adapters that must keep working without Redis (caches, throttles): a failed
 * command yields an empty result instead of an exception, and a simple circuit breaker bounds what an
 * outage costs.
 *
 * <p>Breaker: after a failure that says Redis is unavailable (connection refused, timeout, pool
 * exhausted, cluster down, authentication refused), every call is skipped for the cool-down (default
 * {@value #DEFAULT_COOL_DOWN_MILLIS} ms). After it, exactly one call probes Redis while the others keep
 * being skipped; success closes the breaker, failure starts a new cool-down. So an outage costs at most
 * one timeout per cool-down, and recovery is automatic. A plain command error ({@code WRONGTYPE}, a script
 * error) degrades that one call only: Redis is up.
 *
 * <p>Logs: one WARN when Redis becomes unavailable, at most one more per {@value #WARN_INTERVAL_SECONDS} s
 * while it stays so, and one INFO when it is back. They name the operation and the exception class only,
 * never keys, values or server messages. Thread-safe.
 */
public final class ResilientRedis {

    /** Default cool-down after a failure, in milliseconds. */
    public static final long DEFAULT_COOL_DOWN_MILLIS = 1_000;

    static final long WARN_INTERVAL_SECONDS = 60;

    /** {@link #openUntil} value of a closed (healthy) breaker. */
    private static final long CLOSED = Long.MIN_VALUE;

    private final Supplier<? extends UnifiedJedis> client;
    private final long coolDownNanos;
    private final LongSupplier nanoClock;
    private final Logger log;

    /** {@link #CLOSED}, or the nano time until which calls are skipped. */
    private final AtomicLong openUntil = new AtomicLong(CLOSED);
    private final long warnIntervalNanos = TimeUnit.SECONDS.toNanos(WARN_INTERVAL_SECONDS);
    private final AtomicLong lastWarn;
    private final AtomicLong degradedCalls = new AtomicLong();

    /** A wrapper with the default cool-down and the system's monotonic clock. */
    public ResilientRedis(Supplier<? extends UnifiedJedis> client) {
        this(client, Duration.ofMillis(DEFAULT_COOL_DOWN_MILLIS), System::nanoTime);
    }

    /**
     * A wrapper with a given cool-down and clock.
     *
     * @param client supplies the client; it may throw {@link JedisException} (see {@link LazyRedisClient})
     * @param coolDown how long to skip Redis after a failure
     * @param nanoClock monotonic time in nanoseconds, as {@link System#nanoTime()}
     */
    public ResilientRedis(Supplier<? extends UnifiedJedis> client, Duration coolDown, LongSupplier nanoClock) {
        this(client, coolDown, nanoClock, LoggerFactory.getLogger(ResilientRedis.class));
    }

    ResilientRedis(Supplier<? extends UnifiedJedis> client, Duration coolDown, LongSupplier nanoClock, Logger log) {
        this.client = Objects.requireNonNull(client, "client");
        if (coolDown.isNegative() || coolDown.isZero()) {
            throw new IllegalArgumentException("coolDown must be positive");
        }
        this.coolDownNanos = coolDown.toNanos();
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        this.log = Objects.requireNonNull(log, "log");
        this.lastWarn = new AtomicLong(nanoClock.getAsLong() - warnIntervalNanos);
    }

    /**
     * Runs a command and returns its result, or empty when Redis is unavailable, the breaker is open, the
     * command failed, or the command returned {@code null} (e.g. a GET miss).
     *
     * @param operation short constant name for logs (e.g. {@code "login-throttle.get"}); never a key
     */
    public <T> Optional<T> call(String operation, Function<? super UnifiedJedis, ? extends T> command) {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(command, "command");
        if (!tryAcquire()) {
            degradedCalls.incrementAndGet();
            return Optional.empty();
        }
        UnifiedJedis jedis = null;
        try {
            jedis = client.get();
            T result = command.apply(jedis);
            onSuccess();
            return Optional.ofNullable(result);
        } catch (JedisException e) {
            onFailure(operation, e, jedis);
            return Optional.empty();
        }
    }

    /**
     * Runs a command for its effect; returns false when it was skipped or failed.
     *
     * @param operation short constant name for logs; never a key
     */
    public boolean run(String operation, Consumer<? super UnifiedJedis> command) {
        Objects.requireNonNull(command, "command");
        return call(operation, jedis -> {
            command.accept(jedis);
            return Boolean.TRUE;
        }).isPresent();
    }

    /**
     * Forgets every failure seen so far: the breaker closes and the next call goes to Redis. For an environment
     * restored from a SnapStart snapshot, whose knowledge of Redis's health is as old as the snapshot (and whose
     * monotonic clock need not have moved on since, so a cool-down could still seem to run).
     */
    public void forgetFailures() {
        openUntil.set(CLOSED);
        degradedCalls.set(0);
        lastWarn.set(nanoClock.getAsLong() - warnIntervalNanos);
    }

    /** True while calls go to Redis (breaker closed). */
    public boolean isAvailable() {
        return openUntil.get() == CLOSED;
    }

    /** Whether this call may go to Redis; after a cool-down only one caller wins the probe. */
    private boolean tryAcquire() {
        long until = openUntil.get();
        if (until == CLOSED) {
            return true;
        }
        long now = nanoClock.getAsLong();
        if (now - until < 0) {
            return false;
        }
        // Cool-down over: the caller that moves the deadline probes; the others keep skipping.
        return openUntil.compareAndSet(until, now + coolDownNanos);
    }

    private void onSuccess() {
        if (openUntil.get() != CLOSED && openUntil.getAndSet(CLOSED) != CLOSED) {
            log.info("Redis available again after {} degraded calls", degradedCalls.getAndSet(0));
        }
    }

    private void onFailure(String operation, JedisException e, UnifiedJedis jedis) {
        if (!meansUnavailable(e)) {
            onSuccess(); // Redis answered, so it is up
            if (warnDue(false)) {
                log.warn("Redis command failed during {} ({}); degraded this call", operation, e.getClass().getName());
            }
            return;
        }
        long previous = openUntil.getAndSet(nanoClock.getAsLong() + coolDownNanos);
        degradedCalls.incrementAndGet();
        if (previous == CLOSED) {
            clearIdleConnections(jedis);
        }
        if (warnDue(previous == CLOSED)) {
            // Exception class only: server messages can echo script text or key names.
            log.warn("Redis unavailable during {} ({}); skipping it for {} ms at a time; {} degraded calls so far",
                    operation, e.getClass().getName(), TimeUnit.NANOSECONDS.toMillis(coolDownNanos), degradedCalls.get());
        }
    }

    private static boolean meansUnavailable(JedisException e) {
        if (!(e instanceof JedisDataException)) {
            return true; // connection, timeout, pool exhausted, cluster topology unreachable
        }
        return e instanceof JedisAccessControlException || e instanceof JedisBusyException
                || e instanceof JedisClusterException;
    }

    /** Idle pooled connections are dead after a server restart; drop them so the probe gets a fresh one. */
    private static void clearIdleConnections(UnifiedJedis jedis) {
        if (!(jedis instanceof RedisClient)) {
            return; // the cluster client re-discovers nodes itself
        }
        try {
            ((RedisClient) jedis).getPool().clear();
        } catch (RuntimeException ignored) {
            // Best effort only.
        }
    }

    /** A new outage is always worth a WARN; anything else at most once per interval. */
    private boolean warnDue(boolean newOutage) {
        long now = nanoClock.getAsLong();
        long last = lastWarn.get();
        if (newOutage) {
            lastWarn.set(now);
            return true;
        }
        return now - last >= warnIntervalNanos && lastWarn.compareAndSet(last, now);
    }
}
