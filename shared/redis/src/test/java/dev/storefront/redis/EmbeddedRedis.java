package dev.storefront.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import redis.embedded.RedisServer;
import redis.embedded.core.ExecutableProvider;

/** A real redis-server (bundled in embedded-redis) on a free loopback port; can be stopped and restarted. */
final class EmbeddedRedis implements AutoCloseable {

    private final int port;
    private final Path clusterConfig;
    private final List<String> extraSettings;
    private RedisServer server;

    /** A standalone server. */
    EmbeddedRedis() {
        this(false);
    }

    /** A standalone server, or a one-node cluster-mode server (slots still to be assigned). */
    EmbeddedRedis(boolean cluster) {
        this(cluster, List.of());
    }

    /** A standalone server with extra configuration lines, e.g. {@code "maxmemory 2mb"}. */
    static EmbeddedRedis withSettings(String... settings) {
        return new EmbeddedRedis(false, List.of(settings));
    }

    private EmbeddedRedis(boolean cluster, List<String> extraSettings) {
        this.extraSettings = extraSettings;
        this.port = freePort();
        try {
            this.clusterConfig = cluster ? Files.createTempFile("redis-nodes-", ".conf") : null;
            if (cluster) {
                Files.delete(clusterConfig);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        start();
    }

    int port() {
        return port;
    }

    String url() {
        return "redis://127.0.0.1:" + port;
    }

    void start() {
        try {
            var builder = RedisServer.newRedisServer()
                    // The server binary inside the jar; never a download provider.
                    .executableProvider(ExecutableProvider.newJarResourceProvider())
                    .bind("127.0.0.1")
                    .port(port)
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .settingIf(clusterConfig != null, "cluster-enabled yes")
                    .settingIf(clusterConfig != null, "cluster-config-file " + clusterConfig);
            extraSettings.forEach(builder::setting);
            server = builder.build();
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void stop() {
        try {
            server.stop();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (server != null && server.isActive()) {
            stop();
        }
        if (clusterConfig != null) {
            try {
                Files.deleteIfExists(clusterConfig);
            } catch (IOException ignored) {
                // a temp file
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
