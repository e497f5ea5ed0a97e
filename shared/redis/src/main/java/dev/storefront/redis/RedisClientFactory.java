package dev.storefront.redis;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import redis.clients.jedis.ClientSetInfoConfig;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * Builds the Jedis client: a pooled {@link RedisClient} for a standalone server (local runs) or a
 * {@link RedisClusterClient} for a cluster-mode endpoint (ElastiCache Serverless, {@code rediss://}).
 * Both are exposed as their common type {@link UnifiedJedis}.
 *
 * <p>Use {@link #shared(RedisSettings)} so that a JVM (a Lambda execution environment) holds one client.
 * The client is {@linkplain LazyRedisClient lazy}: creating it never touches the network, so a function's
 * init does not fail when Redis is down.
 *
 * <p>Pools are small (a Lambda environment serves one request at a time), waits for a pooled connection
 * are bounded by the connect timeout, and the cluster client makes at most two attempts per command (one
 * for a MOVED/ASK redirection or a reconnect) within connect + socket timeout, so an outage costs about one
 * timeout, not a multiple of it.
 */
public final class RedisClientFactory {

    /** Upper bound of pooled connections per node. */
    static final int MAX_CONNECTIONS = 8;

    private static final int CLUSTER_MAX_ATTEMPTS = 2;

    private static final Map<RedisSettings, LazyRedisClient> SHARED = new ConcurrentHashMap<>();

    private RedisClientFactory() {
    }

    /** The one lazy client of this JVM (class loader) for these settings; it lives as long as the JVM: do not close it. */
    public static LazyRedisClient shared(RedisSettings settings) {
        Objects.requireNonNull(settings, "settings");
        return SHARED.computeIfAbsent(settings, RedisClientFactory::lazy);
    }

    /** A new lazy client, independent of {@link #shared}; the caller closes it. */
    public static LazyRedisClient lazy(RedisSettings settings) {
        Objects.requireNonNull(settings, "settings");
        return new LazyRedisClient(() -> create(settings));
    }

    /**
     * Builds a client now. A standalone client connects on first use; a cluster client reads the cluster
     * topology here and throws a {@link redis.clients.jedis.exceptions.JedisException} when no node
     * answers, which is why callers normally go through {@link #lazy}.
     */
    public static UnifiedJedis create(RedisSettings settings) {
        JedisClientConfig clientConfig = clientConfig(settings);
        if (settings.cluster()) {
            return RedisClusterClient.builder()
                    .nodes(Set.of(new HostAndPort(settings.host(), settings.port())))
                    .clientConfig(clientConfig)
                    .poolConfig(poolConfig(settings))
                    .maxAttempts(CLUSTER_MAX_ATTEMPTS)
                    .maxTotalRetriesDuration(settings.connectTimeout().plus(settings.socketTimeout()))
                    .build();
        }
        return RedisClient.builder()
                .hostAndPort(settings.host(), settings.port())
                .clientConfig(clientConfig)
                .poolConfig(poolConfig(settings))
                .build();
    }

    // ssl(boolean) is deprecated in favour of SslOptions, which builds a new SSLContext per connection;
    // ssl(true) keeps the JVM's trust store and, as checked in DefaultJedisSocketFactory, full host name
    // verification.
    @SuppressWarnings("deprecation")
    static JedisClientConfig clientConfig(RedisSettings settings) {
        DefaultJedisClientConfig.Builder builder = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(toIntMillis(settings.connectTimeout()))
                .socketTimeoutMillis(toIntMillis(settings.socketTimeout()))
                // With ssl and no custom SSLParameters Jedis sets endpoint identification to HTTPS, so
                // the certificate must match the host name (sent as SNI).
                .ssl(settings.tls())
                // Saves a round trip per new connection; the library name is of no use to us.
                .clientSetInfoConfig(ClientSetInfoConfig.DISABLED)
                .user(settings.user())
                .password(settings.password());
        if (!settings.cluster()) {
            builder.database(settings.database());
        }
        return builder.build();
    }

    static ConnectionPoolConfig poolConfig(RedisSettings settings) {
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(MAX_CONNECTIONS);
        pool.setMaxIdle(MAX_CONNECTIONS);
        pool.setMinIdle(0);
        pool.setBlockWhenExhausted(true);
        pool.setMaxWait(settings.connectTimeout());
        // Several functions share one JVM locally, each in its own class loader: JMX names would clash.
        pool.setJmxEnabled(false);
        return pool;
    }

    private static int toIntMillis(Duration d) {
        return Math.toIntExact(d.toMillis());
    }
}
