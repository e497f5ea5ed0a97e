package dev.storefront.redis;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach Redis: a {@code redis://} or {@code rediss://} (TLS) URL, whether the endpoint is a
 * cluster (ElastiCache Serverless), short timeouts, and an optional password that overrides the one in
 * the URL (in AWS it comes from Secrets Manager).
 *
 * <p>The URL may carry {@code user:password@}; a database number as path ({@code /2}) is accepted for
 * standalone servers only. {@link #toString()} never prints a password.
 *
 * @param url redis:// or rediss:// URL, e.g. {@code rediss://cache.example:6379}
 * @param cluster true for a cluster-mode endpoint
 * @param connectTimeout TCP (and TLS handshake) connect timeout
 * @param socketTimeout read timeout of one command
 * @param passwordOverride password to use instead of the URL's, or {@code null}
 */
public record RedisSettings(
        String url, boolean cluster, Duration connectTimeout, Duration socketTimeout, String passwordOverride) {

    /** Connect timeout used by {@link #of}: a cache that answers later than this is not worth waiting for. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofMillis(250);

    /** Socket (read) timeout used by {@link #of}. */
    public static final Duration DEFAULT_SOCKET_TIMEOUT = Duration.ofMillis(250);

    private static final int DEFAULT_PORT = 6379;

    public RedisSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(socketTimeout, "socketTimeout");
        requirePositiveMillis(connectTimeout, "connectTimeout");
        requirePositiveMillis(socketTimeout, "socketTimeout");
        URI uri = parse(url);
        if (cluster && database(uri) != 0) {
            throw new IllegalArgumentException("Redis URL: a cluster endpoint has no database number");
        }
    }

    /** Settings with the default short timeouts and no password override. */
    public static RedisSettings of(String url, boolean cluster) {
        return new RedisSettings(url, cluster, DEFAULT_CONNECT_TIMEOUT, DEFAULT_SOCKET_TIMEOUT, null);
    }

    /** A copy with this password instead of the URL's (blank or {@code null}: keep the URL's). */
    public RedisSettings withPassword(String password) {
        return new RedisSettings(url, cluster, connectTimeout, socketTimeout, password);
    }

    /** A copy with other timeouts. */
    public RedisSettings withTimeouts(Duration connect, Duration socket) {
        return new RedisSettings(url, cluster, connect, socket, passwordOverride);
    }

    /** Host name from the URL. */
    public String host() {
        return parse(url).getHost();
    }

    /** Port from the URL, 6379 when absent. */
    public int port() {
        int port = parse(url).getPort();
        return port == -1 ? DEFAULT_PORT : port;
    }

    /** True for {@code rediss://}: TLS with certificate and host name verification. */
    public boolean tls() {
        return "rediss".equals(parse(url).getScheme());
    }

    /** ACL user name from the URL, or {@code null} for the default user. */
    public String user() {
        String userInfo = parse(url).getUserInfo();
        if (userInfo == null) {
            return null;
        }
        int colon = userInfo.indexOf(':');
        String user = colon < 0 ? userInfo : userInfo.substring(0, colon);
        return user.isEmpty() ? null : user;
    }

    /** The password to send: the override when set, else the URL's, else {@code null}. */
    public String password() {
        if (passwordOverride != null && !passwordOverride.isBlank()) {
            return passwordOverride;
        }
        String userInfo = parse(url).getUserInfo();
        if (userInfo == null) {
            return null;
        }
        int colon = userInfo.indexOf(':');
        return colon < 0 || colon == userInfo.length() - 1 ? null : userInfo.substring(colon + 1);
    }

    /** Database number from the URL path, 0 when absent. */
    public int database() {
        return database(parse(url));
    }

    @Override
    public String toString() {
        URI uri = parse(url);
        return "RedisSettings[url=" + uri.getScheme() + "://" + (uri.getUserInfo() == null ? "" : "***@")
                + uri.getHost() + ":" + port() + ", cluster=" + cluster + ", connectTimeout=" + connectTimeout
                + ", socketTimeout=" + socketTimeout + ", passwordOverride=" + (passwordOverride == null ? "no" : "***")
                + "]";
    }

    private static URI parse(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            // The URL may hold a password: never echo it.
            throw new IllegalArgumentException("Redis URL is not a valid URI");
        }
        if (!"redis".equals(uri.getScheme()) && !"rediss".equals(uri.getScheme())) {
            throw new IllegalArgumentException("Redis URL must start with redis:// or rediss://");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("Redis URL has no host");
        }
        return uri;
    }

    private static int database(URI uri) {
        String path = uri.getPath();
        if (path == null || path.isEmpty() || "/".equals(path)) {
            return 0;
        }
        try {
            int db = Integer.parseInt(path.substring(1));
            if (db < 0) {
                throw new NumberFormatException();
            }
            return db;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Redis URL path must be a database number");
        }
    }

    private static void requirePositiveMillis(Duration d, String name) {
        if (d.toMillis() <= 0 || d.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + " must be between 1 ms and Integer.MAX_VALUE ms");
        }
    }
}
