package dev.storefront.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** Starts the probe in a fresh JVM (the same {@code java} as this one) and times it. */
final class ProbeRunner {

    private static final long EXIT_TIMEOUT_SECONDS = 120;
    private static final int TAIL_LINES = 40;

    private final Path java = Path.of(System.getProperty("java.home"), "bin", "java");

    /**
     * Runs one measurement.
     *
     * @param flags       JVM flags (none for the defaults)
     * @param classPath   the child's class path, in order
     * @param environment the child's whole process environment
     * @param handler     handler class name
     * @param event       the event JSON file
     * @param response    where the probe writes the response JSON
     * @param primed      run the handler's SnapStart hooks before the request
     */
    Measurement run(List<String> flags, List<Path> classPath, Map<String, String> environment, String handler,
            Path event, Path response, boolean primed) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(flags);
        command.add("-cp");
        command.add(classPath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        command.add(ProbeClasses.PROBE_MAIN);
        command.add(handler);
        command.add(event.toString());
        command.add(response.toString());
        if (primed) {
            command.add("prime");
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(environment);

        Deque<String> tail = new ArrayDeque<>();
        long started = System.nanoTime();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + java, e);
        }
        double wallMillis = -1;
        String result = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (wallMillis < 0 && line.startsWith("RESPONSE ")) {
                    wallMillis = (System.nanoTime() - started) / 1e6;
                } else if (line.startsWith("RESULT ")) {
                    result = line;
                }
                tail.addLast(line);
                if (tail.size() > TAIL_LINES) {
                    tail.removeFirst();
                }
            }
            if (!process.waitFor(EXIT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw failure("did not exit", command, tail, response);
            }
        } catch (IOException e) {
            process.destroyForcibly();
            throw new UncheckedIOException("cannot read the probe's output", e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (process.exitValue() != 0 || result == null || wallMillis < 0) {
            throw failure("failed (exit " + process.exitValue() + ")", command, tail, response);
        }
        String[] f = result.split(" ");
        long jvmStart = Long.parseLong(f[3]);
        long main = Long.parseLong(f[4]);
        long initDone = Long.parseLong(f[5]);
        long responded = Long.parseLong(f[6]);
        return new Measurement(wallMillis, Integer.parseInt(f[1]), Long.parseLong(f[2]), main - jvmStart,
                initDone - main, responded - initDone, Long.parseLong(f[7]) / 1e6, Long.parseLong(f[8]) / 1e6,
                Long.parseLong(f[9]) / 1e6);
    }

    static IllegalStateException failure(String what, List<String> command, Deque<String> tail, Path response) {
        StringBuilder message = new StringBuilder("probe ").append(what).append(": ").append(String.join(" ", command))
                .append("\n--- output (last lines) ---\n").append(String.join("\n", tail));
        message.append(responseText(response));
        return new IllegalStateException(message.toString());
    }

    static String responseText(Path response) {
        try {
            return Files.exists(response) ? "\n--- response ---\n" + Files.readString(response) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
