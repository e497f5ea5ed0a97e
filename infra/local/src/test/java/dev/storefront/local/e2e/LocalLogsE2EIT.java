package dev.storefront.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What {@code ./storefront local} prints while it serves: the runner's JVM started as the launcher starts it
 * ({@code java -cp target/storefront-local/lib/* dev.storefront.local.LocalMain}, the project's template, default log
 * settings), its standard output read line by line. A request prints one readable line by default, and one JSON
 * line - today's Lambda line - with {@code --json-logs}; neither holds what the shopper sent.
 */
class LocalLogsE2EIT {

    private static final Pattern READY = Pattern.compile("Storefront local is ready at (http://127\\.0\\.0\\.1:\\d+)");
    private static final String TIME = "\\d{2}:\\d{2}:\\d{2}\\.\\d{3}";
    private static final String EMAIL = "log-e2e-ada@example.com";
    private static final String PASSWORD = "not the password of anyone";
    private static final String LOGIN = "{\"email\":\"" + EMAIL + "\",\"password\":\"" + PASSWORD + "\"}";

    @Test
    void aRequest_shouldPrintOneReadableLine_byDefault() throws Exception {
        try (Runner runner = Runner.start()) {
            HttpResponse<String> login = runner.post("/auth/login", LOGIN);
            String requestId = login.headers().firstValue("x-request-id").orElseThrow();

            List<String> lines = runner.linesOf(requestId);

            assertThat(login.statusCode()).isEqualTo(401);
            assertThat(lines).singleElement().asString()
                    .matches(TIME + " accounts \\S.*/auth/login.*\\b401\\b.* req=" + Pattern.quote(requestId))
                    .doesNotContain(EMAIL, PASSWORD);
            assertThat(runner.stdout()).as("no JSON on the console: logs, metrics")
                    .noneMatch(line -> line.startsWith("{"));
        }
    }

    @Test
    void aRequest_shouldPrintOneJsonLine_withJsonLogs() throws Exception {
        try (Runner runner = Runner.start("--json-logs")) {
            HttpResponse<String> login = runner.post("/auth/login", LOGIN);
            String requestId = login.headers().firstValue("x-request-id").orElseThrow();

            List<String> lines = runner.linesOf(requestId);

            assertThat(lines).singleElement().asString().startsWith("{\"timestamp\":\"").doesNotContain(EMAIL, PASSWORD);
            JsonNode line = new ObjectMapper().readTree(lines.get(0));
            assertThat(line.path("level").asText()).isEqualTo("INFO");
            assertThat(line.path("logger").asText()).isEqualTo("dev.storefront.platform.http.ApiHandler");
            assertThat(line.path("function").asText()).isEqualTo("storefront-local-accounts");
            assertThat(line.path("requestId").asText()).isEqualTo(requestId);
            assertThat(line.path("message").asText()).contains("/auth/login", "401");
        }
    }

    /** {@code LocalMain} in a child JVM, and what it prints. */
    private static final class Runner implements AutoCloseable {

        private static final Duration START = Duration.ofMinutes(4);
        private static final Duration LINE = Duration.ofSeconds(30);

        private final Process process;
        private final List<ProcessHandle> children = new ArrayList<>();
        private final List<String> stdout = new ArrayList<>();
        private final List<String> stderr = new ArrayList<>();
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1).build();
        private URI baseUrl;

        private Runner(Process process) {
            this.process = process;
            collect(process.getInputStream(), stdout, "stdout");
            collect(process.getErrorStream(), stderr, "stderr");
        }

        static Runner start(String... flags) throws InterruptedException {
            Path root = Path.of("../..").toAbsolutePath().normalize();
            Path lib = Path.of("target/storefront-local/lib").toAbsolutePath();
            assertThat(lib).as("the runner's class path (mvn package)").isDirectory();
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", lib + "/*", "dev.storefront.local.LocalMain",
                    "--port", "0", "--template", root.resolve("template.yaml").toString()));
            command.addAll(List.of(flags));
            ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile());
            // The developer's own settings stay out; no demo products (they only make the start slower).
            builder.environment().keySet().removeIf(name -> name.startsWith("STOREFRONT_"));
            builder.environment().put("STOREFRONT_SEED_PRODUCTS", "0");
            builder.environment().put("STOREFRONT_ADMIN_EMAIL", "log-e2e-admin@storefront.test");
            builder.environment().put("STOREFRONT_ADMIN_PASSWORD", "admin password of the log e2e test");
            Runner runner;
            try {
                runner = new Runner(builder.start());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            try {
                String ready = runner.await(line -> READY.matcher(line).find(), START);
                Matcher url = READY.matcher(ready);
                assertThat(url.find()).isTrue();
                runner.baseUrl = URI.create(url.group(1));
                runner.process.descendants().forEach(runner.children::add);
                return runner;
            } catch (RuntimeException | AssertionError | InterruptedException e) {
                runner.close();
                throw e;
            }
        }

        HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(baseUrl.resolve(path)).timeout(Duration.ofSeconds(30))
                    .header("content-type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        }

        /**
         * The lines that name a request id. Its line is printed before the answer is sent; the line of a second
         * request, sent after it, shows that everything printed for the first has been read.
         */
        List<String> linesOf(String requestId) throws IOException, InterruptedException {
            HttpResponse<String> marker = http.send(HttpRequest.newBuilder(baseUrl.resolve("/.well-known/jwks.json"))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
            String markerId = marker.headers().firstValue("x-request-id").orElseThrow();
            await(line -> line.contains(markerId), LINE);
            return stdout().stream().filter(line -> line.contains(requestId)).toList();
        }

        List<String> stdout() {
            synchronized (stdout) {
                return List.copyOf(stdout);
            }
        }

        private String await(Predicate<String> wanted, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            int seen = 0;
            synchronized (stdout) {
                while (true) {
                    for (; seen < stdout.size(); seen++) {
                        if (wanted.test(stdout.get(seen))) {
                            return stdout.get(seen);
                        }
                    }
                    long left = deadline - System.nanoTime();
                    if (left <= 0 || !process.isAlive() && seen == stdout.size()) {
                        throw new AssertionError("no such line after " + timeout.toSeconds() + " s (runner "
                                + (process.isAlive() ? "running" : "exited " + process.exitValue()) + "); stderr:\n"
                                + String.join("\n", stderrTail()));
                    }
                    stdout.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 1000)));
                }
            }
        }

        private List<String> stderrTail() {
            synchronized (stderr) {
                return List.copyOf(stderr.subList(Math.max(0, stderr.size() - 40), stderr.size()));
            }
        }

        private static void collect(InputStream stream, List<String> lines, String name) {
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        synchronized (lines) {
                            lines.add(line);
                            lines.notifyAll();
                        }
                    }
                } catch (IOException e) {
                    // The runner is gone; what it printed before is kept.
                }
                synchronized (lines) {
                    lines.notifyAll();
                }
            }, "local-logs-" + name);
            reader.setDaemon(true);
            reader.start();
        }

        /** Stops it as Ctrl-C does (its shutdown hook stops moto and Redis); forcibly if that takes a minute. */
        @Override
        public void close() throws InterruptedException {
            process.descendants().forEach(children::add);
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
            children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        }
    }
}
