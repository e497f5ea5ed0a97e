package dev.storefront.localcloud;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import redis.embedded.core.ExecutableProvider;

/**
 * A real {@code redis-server} child process on 127.0.0.1: the binary bundled in embedded-redis (never its
 * download providers), or the one on the PATH when preferred. No persistence unless a data directory is
 * given (then AOF in that directory). It can be stopped and started again on the same port, which tests use
 * to simulate a cache outage. A shutdown hook makes sure the child process never outlives the JVM.
 */
public final class RedisServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(RedisServer.class.getName());
    private static final long START_TIMEOUT_MILLIS = 10_000;

    /** The local cache's memory limit; {@code STOREFRONT_LOCAL_REDIS_MAXMEMORY} (Redis syntax, e.g. 64mb). */
    static final String DEFAULT_MAX_MEMORY = "256mb";

    private final Path executable;
    private final int port;
    private final String maxMemory;
    private final Path dataDirectory;
    private final Path workDirectory;
    private final Thread shutdownHook;
    private Process process;
    private boolean closed;

    private RedisServer(Path executable, int port, Path dataDirectory) throws IOException {
        this.executable = executable;
        this.port = port;
        this.dataDirectory = dataDirectory;
        this.maxMemory = maxMemoryOf(System.getenv("STOREFRONT_LOCAL_REDIS_MAXMEMORY"));
        this.workDirectory = Files.createTempDirectory("storefront-redis-");
        this.shutdownHook = new Thread(this::destroyProcess, "redis-server-" + port + "-cleanup");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    static String maxMemoryOf(String configured) {
        if (configured == null || configured.isBlank()) {
            return DEFAULT_MAX_MEMORY;
        }
        if (!configured.trim().toLowerCase(java.util.Locale.ROOT).matches("[0-9]{1,12}(b|kb|mb|gb)?")) {
            throw new IllegalArgumentException("STOREFRONT_LOCAL_REDIS_MAXMEMORY must be a size such as 64mb, not "
                    + configured);
        }
        return configured.trim().toLowerCase(java.util.Locale.ROOT);
    }

    /** Starts the bundled redis-server on a free port, without persistence. */
    public static RedisServer launch() {
        return launch(0, null, false);
    }

    /**
     * Starts a redis-server.
     *
     * @param port           the port, or 0 for a free one
     * @param dataDirectory  where to keep an append-only file, or null for no persistence
     * @param preferPathBinary use {@code redis-server} from the PATH when there is one
     */
    public static RedisServer launch(int port, Path dataDirectory, boolean preferPathBinary) {
        try {
            RedisServer server = new RedisServer(executable(preferPathBinary), port == 0 ? FreePort.find() : port,
                    dataDirectory);
            try {
                server.startProcess();
            } catch (RuntimeException e) {
                server.close();
                throw e;
            }
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare redis-server", e);
        }
    }

    private static Path executable(boolean preferPathBinary) throws IOException {
        if (preferPathBinary) {
            try {
                return ExecutableProvider.newExecutableInPath("redis-server").get().toPath();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "No redis-server on PATH, using the bundled one");
            }
        }
        return ExecutableProvider.newJarResourceProvider().get().toPath();
    }

    /** Starts the process again (on the same port) after {@link #stop()}. */
    public synchronized void start() {
        if (closed) {
            throw new IllegalStateException("Redis server is closed");
        }
        if (isRunning()) {
            return;
        }
        startProcess();
    }

    private void startProcess() {
        List<String> command = new ArrayList<>(List.of(executable.toString(),
                "--port", String.valueOf(port), "--bind", "127.0.0.1", "--protected-mode", "yes",
                "--daemonize", "no", "--save", "",
                // As ElastiCache Serverless: when full, evict the least recently used keys among those with a
                // TTL (every cache entry has one; the change feed and view counts have none and stay).
                "--maxmemory", maxMemory, "--maxmemory-policy", "volatile-lru"));
        if (dataDirectory == null) {
            command.addAll(List.of("--appendonly", "no", "--dir", workDirectory.toString()));
        } else {
            try {
                Files.createDirectories(dataDirectory);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            command.addAll(List.of("--appendonly", "yes", "--dir", dataDirectory.toAbsolutePath().toString()));
        }
        Path log = workDirectory.resolve("redis.log");
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + executable, e);
        }
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("redis-server exited with " + process.exitValue() + ": " + tail(log));
            }
            if (ping()) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        destroyProcess();
        throw new IllegalStateException("redis-server did not answer on port " + port + ": " + tail(log));
    }

    private static String tail(Path log) {
        try {
            String text = Files.readString(log);
            return text.length() > 2000 ? text.substring(text.length() - 2000) : text;
        } catch (IOException e) {
            return "(no log)";
        }
    }

    /** True when the server answers PING. */
    public boolean ping() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write("*1\r\n$4\r\nPING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = new byte[7];
            int read = in.readNBytes(reply, 0, reply.length);
            return new String(reply, 0, read, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    /** How many client connections the server has open (not counting the one asking). */
    public int connectedClients() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            socket.setSoTimeout(5000);
            String info = (String) Resp.command(socket.getOutputStream(),
                    new java.io.BufferedInputStream(socket.getInputStream()), "INFO", "clients");
            for (String line : info.split("\r\n")) {
                if (line.startsWith("connected_clients:")) {
                    return Integer.parseInt(line.substring("connected_clients:".length()).trim()) - 1;
                }
            }
            throw new IllegalStateException("INFO clients has no connected_clients");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot ask redis-server on port " + port, e);
        }
    }

    /** Stops the process; {@link #start()} brings it back on the same port. */
    public synchronized void stop() {
        destroyProcess();
    }

    private synchronized void destroyProcess() {
        Process p = process;
        if (p == null) {
            return;
        }
        p.destroy();
        try {
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** True while the child process runs. */
    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** The process id of the running child, or -1. */
    public synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    public int port() {
        return port;
    }

    /** {@code redis://127.0.0.1:<port>}. */
    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** The data directory, or null when not persistent. */
    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        destroyProcess();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down; the hook runs or has run.
        }
        deleteQuietly(workDirectory);
    }

    private static void deleteQuietly(Path directory) {
        try (var paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "Cannot delete " + directory, e);
        }
    }
}
