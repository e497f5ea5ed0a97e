package dev.storefront.localcloud;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local DynamoDB: moto (Apache-2.0) as a child process on 127.0.0.1, serving one request at a time
 * ({@code infra/moto/storefront_moto.py}), installed on first use by {@code infra/moto/install}.
 *
 * <p>The child stops with its parent whatever way the parent ends: {@link #close()} closes its stdin, and so
 * does the kernel when this JVM dies, even by SIGKILL; the child takes end of input as the order to stop.
 *
 * <p>moto keeps nothing on disk. With a snapshot file, the child restores every table from it at start and
 * writes it back, atomically, when it stops.
 */
public final class MotoServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(MotoServer.class.getName());
    private static final Pattern READY = Pattern.compile("MOTO_READY port=(\\d+)");
    private static final long START_TIMEOUT_SECONDS = 120;
    private static final long STOP_TIMEOUT_SECONDS = 120;
    private static final String SCRIPT = "storefront_moto.py";

    /** The system property or environment variable naming the folder of the moto files (infra/moto). */
    public static final String HOME_PROPERTY = "storefront.moto.home";
    public static final String HOME_VARIABLE = "STOREFRONT_MOTO_HOME";

    private static MotoServer shared;

    private final Process process;
    private final int port;
    private final Path snapshot;
    private final OutputStream stdin;
    private boolean closed;

    private MotoServer(Process process, int port, Path snapshot) {
        this.process = process;
        this.port = port;
        this.snapshot = snapshot;
        this.stdin = process.getOutputStream();
    }

    /** A server with nothing kept, on a free port. */
    public static MotoServer startInMemory() {
        return start(0, null);
    }

    /**
     * One in-memory server for this JVM, started on first use and stopped when the JVM exits; the tests of a
     * module share it (with their own tables or keys) instead of starting one each.
     */
    public static synchronized MotoServer shared() {
        if (shared == null || !shared.process.isAlive()) {
            MotoServer server = startInMemory();
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "moto-shared-stop"));
            shared = server;
        }
        return shared;
    }

    /**
     * Starts a server.
     *
     * @param port     the port on 127.0.0.1, or 0 for a free one
     * @param snapshot the file every table is restored from and written back to, or null to keep nothing
     */
    public static MotoServer start(int port, Path snapshot) {
        Path home = home();
        Path python = install(home);
        List<String> command = new ArrayList<>(List.of(python.toString(), "-u",
                home.resolve(SCRIPT).toString(), "--port", String.valueOf(port)));
        if (snapshot != null) {
            try {
                Files.createDirectories(snapshot.toAbsolutePath().getParent());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create the folder of " + snapshot, e);
            }
            command.addAll(List.of("--snapshot", snapshot.toAbsolutePath().toString()));
        }
        Process process;
        try {
            process = new ProcessBuilder(command).directory(home.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start moto (" + python + ")", e);
        }
        StringBuilder errors = new StringBuilder();
        drain(process.getErrorStream(), "moto-stderr", line -> {
            synchronized (errors) {
                if (errors.length() < 8_000) {
                    errors.append(line).append('\n');
                }
            }
            LOG.log(System.Logger.Level.INFO, "moto: {0}", line);
        });
        CompletableFuture<Integer> ready = new CompletableFuture<>();
        drain(process.getInputStream(), "moto-stdout", line -> {
            Matcher matcher = READY.matcher(line);
            if (matcher.find()) {
                ready.complete(Integer.parseInt(matcher.group(1)));
            } else {
                LOG.log(System.Logger.Level.INFO, "moto: {0}", line);
            }
        });
        process.onExit().thenRun(() -> ready.completeExceptionally(new IllegalStateException("exited")));
        try {
            int bound = ready.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            LOG.log(System.Logger.Level.DEBUG, "moto on 127.0.0.1:{0} (pid {1})", bound, process.pid());
            return new MotoServer(process, bound, snapshot);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting moto", e);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            awaitExit(process, 5);
            String output;
            synchronized (errors) {
                output = errors.toString().strip();
            }
            throw new IllegalStateException("moto did not start" + (output.isEmpty() ? "" : ": " + lastLines(output, 8)));
        }
    }

    /**
     * Runs {@code infra/moto/install} and answers the virtualenv's python. The installer's one-sentence answer
     * becomes the exception's message when it fails (Python missing, no venv module, no package index).
     */
    static Path install(Path home) {
        Path installer = home.resolve("install");
        try {
            Process process = new ProcessBuilder("bash", installer.toString())
                    .redirectError(ProcessBuilder.Redirect.PIPE).start();
            process.getOutputStream().close();
            CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
            String stdout = read(process.getInputStream()).strip();
            int code = process.waitFor();
            String message = stderr.join().strip();
            if (code != 0) {
                throw new IllegalStateException(message.isEmpty() ? installer + " failed with exit code " + code
                        : lastLines(message, 1));
            }
            if (!message.isEmpty()) {
                LOG.log(System.Logger.Level.INFO, message);
            }
            return Path.of(stdout.lines().reduce((first, second) -> second).orElseThrow(
                    () -> new IllegalStateException(installer + " printed no python")));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + installer + " (bash is needed): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while installing moto", e);
        }
    }

    /**
     * The folder of the moto files: {@value #HOME_PROPERTY}, else {@value #HOME_VARIABLE}, else the first
     * {@code infra/moto} found from the working directory upwards.
     */
    static Path home() {
        String configured = System.getProperty(HOME_PROPERTY, System.getenv(HOME_VARIABLE));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("infra").resolve("moto");
            if (Files.isRegularFile(candidate.resolve(SCRIPT))) {
                return candidate;
            }
        }
        throw new IllegalStateException("Cannot find infra/moto/" + SCRIPT + " from " + Path.of("").toAbsolutePath()
                + ": run from the repository, or set " + HOME_VARIABLE);
    }

    /**
     * Deletes every table and item (moto's own {@code /moto-api/reset}): a test that shares the JVM's server
     * starts from nothing, as it would on a server of its own.
     */
    public void reset() {
        try {
            java.net.HttpURLConnection connection = (java.net.HttpURLConnection) endpoint().resolve("/moto-api/reset")
                    .toURL().openConnection();
            connection.setRequestMethod("POST");
            connection.setConnectTimeout(10_000);
            connection.setReadTimeout(60_000);
            int status = connection.getResponseCode();
            connection.getInputStream().close();
            if (status != 200) {
                throw new IllegalStateException("moto reset answered " + status);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot reset moto", e);
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

    /** The snapshot file, or null when nothing is kept. */
    public Path snapshot() {
        return snapshot;
    }

    /** The child's process id. */
    public long pid() {
        return process.pid();
    }

    /**
     * Stops the child: it writes its snapshot (when it has one) and exits. Waits for it, and kills it only if it
     * has not ended in {@value #STOP_TIMEOUT_SECONDS} s.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            stdin.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "moto's stdin was closed already", e);
        }
        if (!awaitExit(process, STOP_TIMEOUT_SECONDS)) {
            LOG.log(System.Logger.Level.WARNING, "moto did not stop in {0} s: killed", STOP_TIMEOUT_SECONDS);
            process.destroyForcibly();
            awaitExit(process, 10);
        } else if (process.exitValue() != 0) {
            LOG.log(System.Logger.Level.WARNING, "moto stopped with exit code {0}", process.exitValue());
        }
    }

    private static boolean awaitExit(Process process, long seconds) {
        try {
            return process.waitFor(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void drain(InputStream stream, String name, java.util.function.Consumer<String> lines) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    lines.accept(line);
                }
            } catch (IOException e) {
                // The child is gone.
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static String read(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String lastLines(String text, int count) {
        List<String> lines = text.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
    }
}
