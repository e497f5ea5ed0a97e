package dev.storefront.localcloud;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import com.amazonaws.services.dynamodbv2.local.shared.jobs.JobsRegister;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * DynamoDB Local 2.x running in this JVM behind its HTTP endpoint. Telemetry is always disabled; the
 * database is in memory or in a directory; {@code -sharedDb} makes every client see the same tables,
 * whatever region or credentials it uses. The HTTP connector is bound to 127.0.0.1 (DynamoDB Local has no
 * option for it, so the connector is reconfigured before start).
 */
public final class DynamoDbLocalServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(DynamoDbLocalServer.class.getName());
    private static final String DDB_LOCAL_PACKAGE = "com.amazonaws.services.dynamodbv2.local.";

    private final DynamoDBProxyServer server;
    private final int port;
    private final Path dataDirectory;
    private boolean closed;

    private DynamoDbLocalServer(DynamoDBProxyServer server, int port, Path dataDirectory) {
        this.server = server;
        this.port = port;
        this.dataDirectory = dataDirectory;
    }

    /** Starts an in-memory server on a free port. */
    public static DynamoDbLocalServer startInMemory() {
        return start(0, null);
    }

    /**
     * Starts a server.
     *
     * @param port          the port, or 0 for a free one
     * @param dataDirectory where the database files live, or null for in memory
     */
    public static DynamoDbLocalServer start(int port, Path dataDirectory) {
        RuntimeException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            int chosen = port == 0 ? FreePort.find() : port;
            try {
                return startOn(chosen, dataDirectory);
            } catch (RuntimeException e) {
                last = e;
                if (port != 0) {
                    break;
                }
            }
        }
        throw last;
    }

    private static DynamoDbLocalServer startOn(int port, Path dataDirectory) {
        List<String> args = new ArrayList<>(List.of("-disableTelemetry", "-sharedDb", "-port", String.valueOf(port)));
        try {
            if (dataDirectory == null) {
                args.add("-inMemory");
            } else {
                Files.createDirectories(dataDirectory);
                args.add("-dbPath");
                args.add(dataDirectory.toAbsolutePath().toString());
            }
            DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(args.toArray(String[]::new));
            bindToLoopback(server);
            server.start();
            LOG.log(System.Logger.Level.DEBUG, "DynamoDB Local on 127.0.0.1:{0}", port);
            return new DynamoDbLocalServer(server, port, dataDirectory);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start DynamoDB Local on port " + port + ": " + e.getMessage(), e);
        }
    }

    private static void bindToLoopback(DynamoDBProxyServer proxy) throws ReflectiveOperationException {
        Field field = DynamoDBProxyServer.class.getDeclaredField("server");
        field.setAccessible(true);
        Server jetty = (Server) field.get(proxy);
        for (Connector connector : jetty.getConnectors()) {
            if (connector instanceof ServerConnector serverConnector) {
                serverConnector.setHost("127.0.0.1");
            }
        }
    }

    /** The port it listens on. */
    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** The data directory, or null when in memory. */
    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            server.stop();
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "Stopping DynamoDB Local failed", e);
        }
        stopBackgroundJobs();
    }

    /*
     * DynamoDB Local's stop() only calls shutdown() on its job pool, whose shard-rollover scheduler sleeps for
     * minutes in a non-daemon thread. Find its JobsRegister and interrupt the pool so close() leaves no thread.
     */
    private void stopBackgroundJobs() {
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Object> queue = new ArrayDeque<>(List.of(server));
        int visited = 0;
        while (!queue.isEmpty() && visited++ < 2000) {
            Object current = queue.poll();
            if (!seen.add(current)) {
                continue;
            }
            if (current instanceof JobsRegister jobs) {
                jobs.shutdownNow();
                continue;
            }
            if (current instanceof Map<?, ?> map) {
                queue.addAll(map.values());
                continue;
            }
            if (current instanceof Collection<?> collection) {
                queue.addAll(collection);
                continue;
            }
            if (!current.getClass().getName().startsWith(DDB_LOCAL_PACKAGE)) {
                continue;
            }
            for (Class<?> type = current.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
                for (Field field : type.getDeclaredFields()) {
                    if (Modifier.isStatic(field.getModifiers()) || field.getType().isPrimitive()) {
                        continue;
                    }
                    try {
                        field.setAccessible(true);
                        Object value = field.get(current);
                        if (value instanceof Map || value instanceof Collection
                                || value != null && value.getClass().getName().startsWith(DDB_LOCAL_PACKAGE)) {
                            queue.add(value);
                        }
                    } catch (RuntimeException | IllegalAccessException e) {
                        // Not reachable: skip this field.
                    }
                }
            }
        }
    }
}
